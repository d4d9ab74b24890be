package io.receivables.invoicing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The changeset that gives voids their business date dates those entered before it by the UTC day they were entered,
 * never before the invoice's issue date, and from then on requires one on every voided invoice. Run on a schema of its
 * own holding the old columns, so the service's tables are untouched.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class VoidDateMigrationTest {

    @Inject
    Pool pool;

    @Test
    void datesExistingVoidsByTheDayTheyWereEnteredAndRequiresTheDateFromThenOn() {
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "");
        UUID late = UUID.randomUUID();
        UUID aheadOfIssue = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        Map<UUID, LocalDate> dates = new HashMap<>();
        pool.withConnection(connection -> run(connection, "CREATE SCHEMA " + schema + "; SET search_path TO " + schema
                + ", public; CREATE TABLE invoice (id UUID PRIMARY KEY, status VARCHAR(16) NOT NULL, issue_date DATE,"
                + " void_reason VARCHAR(32), voided_at TIMESTAMPTZ, CONSTRAINT invoice_voided_complete CHECK ((status ="
                + " 'VOIDED') = (void_reason IS NOT NULL AND voided_at IS NOT NULL)));"
                + " INSERT INTO invoice VALUES ('" + late + "', 'VOIDED', '2026-03-01', 'DUPLICATE',"
                + " '2026-04-10T23:30:00-02:00'), ('" + aheadOfIssue + "', 'VOIDED', '2051-01-01', 'OTHER',"
                + " '2026-04-10T08:00:00Z'), ('" + open + "', 'ISSUED', '2026-03-01', NULL, NULL)")
                .chain(() -> run(connection, changeset("invoicing-014-effective-dates.sql")))
                .chain(() -> connection.query("SELECT id, void_date FROM invoice").execute())
                .invoke(rows -> rows.forEach(row -> dates.put(row.getUUID("id"), row.getLocalDate("void_date"))))
                .chain(() -> run(connection, "INSERT INTO invoice VALUES ('" + UUID.randomUUID() + "', 'VOIDED',"
                        + " '2026-03-01', 'OTHER', now(), NULL)")
                        .map(ignored -> "accepted").onFailure().recoverWithItem(e -> e.getMessage()))
                .invoke(outcome -> assertThat(outcome).as("a void without its date").contains("invoice_voided_complete"))
                .eventually(() -> run(connection, "SET search_path TO public; DROP SCHEMA " + schema + " CASCADE")))
                .await().indefinitely();

        assertThat(dates.get(late)).as("the UTC day it was entered").isEqualTo(LocalDate.parse("2026-04-11"));
        assertThat(dates.get(aheadOfIssue)).as("never before the issue date").isEqualTo(LocalDate.parse("2051-01-01"));
        assertThat(dates.get(open)).isNull();
    }

    private static String changeset(String file) {
        try (InputStream in = VoidDateMigrationTest.class.getResourceAsStream("/db/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Uni<Void> run(SqlConnection connection, String sql) {
        return connection.query(sql).execute().replaceWithVoid();
    }
}
