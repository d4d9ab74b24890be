package io.receivables.invoicing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The upgrade to bounded catch-up (invoicing-012) pauses an existing active schedule that still owes more than 12
 * periods started before the upgrade day, and nothing else; it records catchUpFrom for schedules that started before
 * they were created. Run on a schema of its own holding the tables as they stood before, so the service's tables are
 * untouched; "today" is the database's, as in a real upgrade, and the expectation is computed with BillingCalendar.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class ScheduleCatchUpMigrationTest {

    @Inject
    Pool pool;

    /** One schedule as it stood before the upgrade. */
    record Old(UUID id, Frequency frequency, int anchorDay, LocalDate nextPeriodStart, LocalDate endDate, String status) {

        Old(Frequency frequency, int anchorDay, LocalDate near, LocalDate endDate, String status) {
            this(UUID.randomUUID(), frequency, anchorDay, new BillingCalendar(frequency, anchorDay).firstPeriodStart(near),
                    endDate, status);
        }

        /** More than 12 periods started before {@code today}, none after the end date: BillingCalendar's view. */
        boolean owesMoreThan12(LocalDate today) {
            BillingCalendar calendar = new BillingCalendar(frequency, anchorDay);
            LocalDate thirteenth = nextPeriodStart;
            for (int i = 0; i < 12; i++) {
                thirteenth = calendar.nextPeriodStart(thirteenth);
            }
            return thirteenth.isBefore(today) && (endDate == null || !thirteenth.isAfter(endDate));
        }
    }

    @Test
    void pausesOnlyTheActiveSchedulesOwingMoreThanTwelvePeriodsAndRecordsPastStartsAsCaughtUp() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate yesterday = today.minusDays(1);
        Map<String, Old> schedules = new LinkedHashMap<>();
        schedules.put("13 monthly periods, anchor 31", new Old(Frequency.MONTHLY, 31, today.minusMonths(14), null,
                "ACTIVE"));
        schedules.put("the 13th started yesterday", new Old(UUID.randomUUID(), Frequency.MONTHLY,
                yesterday.getDayOfMonth(), yesterday.minusMonths(12), null, "ACTIVE"));
        schedules.put("the 13th starts today", new Old(UUID.randomUUID(), Frequency.MONTHLY, today.getDayOfMonth(),
                today.minusMonths(12), null, "ACTIVE"));
        schedules.put("13 quarters", new Old(Frequency.QUARTERLY, 15, today.minusMonths(3 * 13), null, "ACTIVE"));
        schedules.put("12 quarters", new Old(Frequency.QUARTERLY, 15, today.minusMonths(35), null, "ACTIVE"));
        schedules.put("the end date leaves 12", new Old(Frequency.MONTHLY, 1, today.minusMonths(20),
                new BillingCalendar(Frequency.MONTHLY, 1).firstPeriodStart(today.minusMonths(20)).plusMonths(11),
                "ACTIVE"));
        schedules.put("paused with a backlog", new Old(Frequency.MONTHLY, 1, today.minusMonths(30), null, "PAUSED"));
        assertThat(schedules.values()).as("the cases are what their names say").extracting(s -> s.owesMoreThan12(today))
                .containsExactly(true, true, false, true, false, false, true);

        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "");
        UUID customer = UUID.randomUUID();
        UUID startedBeforeCreation = UUID.randomUUID();
        UUID startedAfterCreation = UUID.randomUUID();
        List<String> values = new ArrayList<>();
        schedules.values().forEach(s -> values.add("('%s', '%s', '%s', %d, '%s', %s, '%s', '%s', now(), 0)".formatted(
                s.id(), customer, s.frequency(), s.anchorDay(), s.nextPeriodStart(),
                s.endDate() == null ? "NULL" : "'" + s.endDate() + "'", s.status(), s.nextPeriodStart())));
        values.add("('%s', '%s', 'MONTHLY', 1, '2026-01-01', NULL, 'ACTIVE', '2026-02-01', '2026-01-20T10:00:00Z', 1)"
                .formatted(startedBeforeCreation, customer));
        values.add("('%s', '%s', 'MONTHLY', 1, '2026-01-20', NULL, 'ACTIVE', '2026-02-01', '2026-01-20T10:00:00Z', 1)"
                .formatted(startedAfterCreation, customer));
        Map<UUID, Row> after = new LinkedHashMap<>();
        pool.withConnection(connection -> run(connection, "CREATE SCHEMA " + schema + "; SET search_path TO " + schema
                + ", public; CREATE TABLE customer (id UUID PRIMARY KEY); CREATE TABLE invoice (id UUID PRIMARY KEY);"
                + " INSERT INTO customer VALUES ('" + customer + "')")
                .chain(() -> run(connection, changeset("invoicing-006-schedules-import.sql")))
                .chain(() -> run(connection, changeset("invoicing-010-schedule-template-columns.sql")))
                .chain(() -> run(connection, "INSERT INTO billing_schedule (id, customer_id, frequency, anchor_day,"
                        + " start_date, end_date, status, next_period_start, created_at, version) VALUES "
                        + String.join(", ", values)))
                .chain(() -> run(connection, changeset("invoicing-012-schedule-catch-up.sql")))
                .chain(() -> connection.query("SELECT id, status, next_period_start, last_error, version, catch_up_from"
                        + " FROM billing_schedule").execute())
                .invoke(rows -> rows.forEach(row -> after.put(row.getUUID("id"), row)))
                .eventually(() -> run(connection, "SET search_path TO public; DROP SCHEMA " + schema + " CASCADE")))
                .await().indefinitely();

        schedules.forEach((name, old) -> {
            Row row = after.get(old.id());
            assertThat(row.getLocalDate("next_period_start")).as(name + ": nothing skipped")
                    .isEqualTo(old.nextPeriodStart());
            if (old.owesMoreThan12(today) && old.status().equals("ACTIVE")) {
                assertThat(row.getString("status")).as(name).isEqualTo("PAUSED");
                assertThat(row.getString("last_error")).as(name)
                        .contains("more than 12 periods from " + old.nextPeriodStart())
                        .contains("catchUpFrom");
                assertThat(row.getLong("version")).as(name + ": a new ETag").isEqualTo(1);
            } else {
                assertThat(row.getString("status")).as(name).isEqualTo(old.status());
                assertThat(row.getString("last_error")).as(name).isNull();
                assertThat(row.getLong("version")).as(name).isZero();
            }
        });
        assertThat(after.get(startedBeforeCreation).getLocalDate("catch_up_from")).isEqualTo("2026-01-01");
        assertThat(after.get(startedAfterCreation).getLocalDate("catch_up_from")).isNull();
    }

    private static String changeset(String file) {
        try (InputStream in = ScheduleCatchUpMigrationTest.class.getResourceAsStream("/db/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Uni<Void> run(SqlConnection connection, String sql) {
        return connection.query(sql).execute().replaceWithVoid();
    }
}
