package io.receivables.invoicing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The changeset that moves a schedule's invoice template from the JSON of the REST request into columns and lines of its
 * own keeps what existing schedules bill. Run on a schema of its own holding the old table, so the service's tables are
 * untouched.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class ScheduleTemplateMigrationTest {

    @Inject
    Pool pool;

    private static String changeset(String file) {
        try (InputStream in = ScheduleTemplateMigrationTest.class.getResourceAsStream("/db/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void movesAnExistingJsonTemplateIntoColumnsAndLines() {
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "");
        UUID customer = UUID.randomUUID();
        UUID withTerms = UUID.randomUUID();
        UUID withDefaults = UUID.randomUUID();
        List<Row> schedules = new ArrayList<>();
        List<Row> lines = new ArrayList<>();
        pool.withConnection(connection -> run(connection, "CREATE SCHEMA " + schema + "; SET search_path TO " + schema
                + ", public; CREATE TABLE customer (id UUID PRIMARY KEY); CREATE TABLE invoice (id UUID PRIMARY KEY);"
                + " INSERT INTO customer VALUES ('" + customer + "')")
                .chain(() -> run(connection, changeset("invoicing-006-schedules-import.sql")))
                .chain(() -> run(connection,
                        """
                                INSERT INTO billing_schedule (id, customer_id, frequency, anchor_day, start_date, invoice_template,
                                    status, next_period_start, created_at, version)
                                VALUES ('%s', '%s', 'MONTHLY', 1, '2026-01-01', '{"currency":"EUR","paymentTerms":{"type":"NET","days":10,"discountDays":5,"discountRate":"0.02"},"poNumber":"PO-OLD","lines":[{"description":"Licence","quantity":"2","unitPrice":"12.50","taxRate":"0.19"},{"description":"Support","quantity":"1.5","unitPrice":"40","taxRate":"0"}]}',
                                    'ACTIVE', '2026-02-01', now(), 0),
                                       ('%s', '%s', 'MONTHLY', 1, '2026-01-01', '{"lines":[{"description":"Plain","quantity":"1","unitPrice":"9.99","taxRate":"0.2"}]}',
                                    'ACTIVE', '2026-02-01', now(), 0)"""
                                .formatted(withTerms, customer, withDefaults, customer)))
                .chain(() -> run(connection, changeset("invoicing-010-schedule-template-columns.sql")))
                .chain(() -> connection.query("SELECT id, currency, terms_type, terms_days, terms_discount_days,"
                        + " terms_discount_rate::text AS rate, po_number FROM billing_schedule ORDER BY id = '"
                        + withDefaults + "'").execute())
                .invoke(rows -> rows.forEach(schedules::add))
                .chain(() -> connection.query("SELECT schedule_id, line_index, description, quantity::text AS quantity,"
                        + " unit_price::text AS unit_price, tax_rate::text AS tax_rate FROM billing_schedule_line"
                        + " ORDER BY schedule_id = '" + withDefaults + "', line_index").execute())
                .invoke(rows -> rows.forEach(lines::add))
                .eventually(() -> run(connection, "SET search_path TO public; DROP SCHEMA " + schema + " CASCADE")))
                .await().indefinitely();

        assertThat(schedules).hasSize(2);
        Row terms = schedules.get(0);
        assertThat(terms.getString("currency")).isEqualTo("EUR");
        assertThat(terms.getString("terms_type")).isEqualTo("NET");
        assertThat(terms.getInteger("terms_days")).isEqualTo(10);
        assertThat(terms.getInteger("terms_discount_days")).isEqualTo(5);
        assertThat(new java.math.BigDecimal(terms.getString("rate"))).isEqualByComparingTo("0.02");
        assertThat(terms.getString("po_number")).isEqualTo("PO-OLD");
        Row defaults = schedules.get(1);
        assertThat(defaults.getString("currency")).as("the customer's currency at issue").isNull();
        assertThat(defaults.getString("terms_type")).as("the customer's terms at issue").isNull();
        assertThat(defaults.getValue("terms_days")).isNull();

        assertThat(lines).extracting(l -> l.getInteger("line_index") + " " + l.getString("description") + " "
                + new java.math.BigDecimal(l.getString("quantity")).stripTrailingZeros().toPlainString() + " x "
                + new java.math.BigDecimal(l.getString("unit_price")).stripTrailingZeros().toPlainString() + " @ "
                + new java.math.BigDecimal(l.getString("tax_rate")).stripTrailingZeros().toPlainString())
                .containsExactly("0 Licence 2 x 12.5 @ 0.19", "1 Support 1.5 x 40 @ 0", "0 Plain 1 x 9.99 @ 0.2");
    }

    private static io.smallrye.mutiny.Uni<Void> run(SqlConnection connection, String sql) {
        return connection.query(sql).execute().replaceWithVoid();
    }
}
