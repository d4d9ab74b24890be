package io.receivables.invoicing.schedule;

import static io.receivables.invoicing.schedule.ScheduleFixtures.catchingUpFrom;
import static io.receivables.invoicing.schedule.ScheduleFixtures.customer;
import static io.receivables.invoicing.schedule.ScheduleFixtures.get;
import static io.receivables.invoicing.schedule.ScheduleFixtures.issuedFor;
import static io.receivables.invoicing.schedule.ScheduleFixtures.run;
import static io.receivables.invoicing.schedule.ScheduleFixtures.schedule;
import static io.receivables.invoicing.schedule.ScheduleFixtures.travelTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.invoicing.MutableClock;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Catch-up is a decision and runs are bounded: a start in the past bills nothing missed unless catchUpFrom asks (up to
 * the cap of 12), a run issues at most 5 periods of a schedule and 8 in all (small limits, so a backlog spans runs with
 * few invoices), and a preview lists what the runs then issue. Every test creates its schedules on the same "today" and
 * cancels them when it ends, so no test's periods fall due in another's runs.
 */
@QuarkusTest
@TestProfile(ScheduleCatchUpTest.SmallRuns.class)
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class ScheduleCatchUpTest {

    static final int PER_SCHEDULE = 5;
    static final int PER_RUN = 8;
    static final LocalDate TODAY = LocalDate.of(2027, 3, 15);

    public static class SmallRuns implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("receivables.invoicing.schedules.max-periods-per-schedule", String.valueOf(PER_SCHEDULE),
                    "receivables.invoicing.schedules.max-periods-per-run", String.valueOf(PER_RUN));
        }
    }

    @Inject
    MutableClock clock;

    @Inject
    InvoicingDatabase db;

    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void today() {
        travelTo(clock, TODAY);
    }

    @AfterEach
    void cancelWhatThisTestCreated() {
        for (String id : created) {
            Response schedule = get(id);
            if (List.of("ACTIVE", "PAUSED").contains(schedule.path("status"))) {
                given().header("If-Match", schedule.header("ETag")).when().post("/billing-schedules/" + id + "/cancel")
                        .then().statusCode(200);
            }
        }
        clock.reset();
    }

    @Test
    void aStartTwoYearsBackBillsNothingForThePastByDefault() {
        String id = create(schedule(customer(null), "MONTHLY", 1, "2025-03-15", null));
        get(id).then().body("nextRunDate", equalTo("2027-04-01")).body("catchUpFrom", nullValue());

        Response run = run();

        assertThat(issuedFor(run, id)).isEmpty();
        assertThat(preview(id, null).<List<Object>> path("periods")).isEmpty();
        travelTo(clock, LocalDate.of(2027, 4, 2));
        assertThat(issuedFor(run(), id)).extracting(i -> i.get("periodStart")).containsExactly("2027-04-01");
        get(id).then().body("issuedPeriods.periodStart", equalTo(List.of("2027-04-01")));
    }

    @Test
    void catchUpFromWithinTheCapIssuesExactlyThoseMissedPeriodsOnce() {
        String id = create(catchingUpFrom(schedule(customer(null), "MONTHLY", 1, "2025-03-15", null), "2026-11-10"));
        get(id).then().body("nextRunDate", equalTo("2026-12-01")).body("catchUpFrom", equalTo("2026-11-10"));

        List<Map<String, String>> issued = issuedFor(run(), id);

        List<String> missed = List.of("2026-12-01", "2027-01-01", "2027-02-01", "2027-03-01");
        assertThat(issued).extracting(i -> i.get("periodStart")).containsExactlyElementsOf(missed);
        assertInvoicesBillTheirPeriods(issued);
        assertThat(issuedFor(run(), id)).as("nothing twice").isEmpty();
        get(id).then().body("issuedPeriods.periodStart", equalTo(missed)).body("nextRunDate", equalTo("2027-04-01"));
    }

    @Test
    void catchingUpMoreThanTheCapIsRefusedNamingCatchUpFromAndStoresNothing() {
        String customer = customer(null);
        long schedules = db.count("billing_schedule");
        String twoYearsBack = schedule(customer, "MONTHLY", 1, "2025-03-15", null);

        // 2026-03-01 .. 2027-03-01: 13 missed periods, one over the cap of 12
        given().contentType(ContentType.JSON).body(catchingUpFrom(twoYearsBack, "2026-03-01"))
                .when().post("/billing-schedules").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/validation"))
                .body("errors.field", equalTo(List.of("catchUpFrom")))
                .body("errors[0].message", containsString("would bill 13 missed periods from 2026-03-01"))
                .body("errors[0].message", containsString("earliest catchUpFrom is 2026-04-01"));
        rejected(catchingUpFrom(twoYearsBack, "2025-03-14"), "catchUpFrom", "must not be before startDate");
        rejected(catchingUpFrom(twoYearsBack, "2027-03-16"), "catchUpFrom", "must not be in the future");
        rejected(schedule(customer, "MONTHLY", 1, "2025-03-15", "2027-03-14"), "endDate", "catchUpFrom");
        assertThat(db.count("billing_schedule")).isEqualTo(schedules);

        // the earliest date the refusal named is accepted: exactly 12 missed periods
        String id = create(catchingUpFrom(twoYearsBack, "2026-04-01"));
        assertThat(preview(id, null).<List<String>> path("periods.periodStart")).hasSize(12)
                .first().isEqualTo("2026-04-01");
    }

    @Test
    void aBacklogLargerThanOneRunIsIssuedOverSeveralRunsWithNoPeriodTwiceAndNoneMissing() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(catchingUpFrom(schedule(customer(null), "MONTHLY", 1, "2025-03-15", null), "2026-04-01")));
        }
        List<String> expected = new ArrayList<>();
        for (LocalDate p = LocalDate.of(2026, 4, 1); !p.isAfter(TODAY); p = p.plusMonths(1)) {
            expected.add(p.toString());
        }
        assertThat(expected).hasSize(12);

        List<Map<String, String>> all = new ArrayList<>();
        List<Integer> perRun = new ArrayList<>();
        List<Long> deferred = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            Response run = run();
            assertThat(run.<List<Object>> path("failed")).isEmpty();
            List<Map<String, String>> issued = new ArrayList<>();
            ids.forEach(id -> {
                List<Map<String, String>> ofSchedule = issuedFor(run, id);
                assertThat(ofSchedule).as("one run, one schedule").hasSizeLessThanOrEqualTo(PER_SCHEDULE);
                issued.addAll(ofSchedule);
            });
            perRun.add(issued.size());
            deferred.add(((Number) run.path("deferred.periods")).longValue());
            all.addAll(issued);
            if (run.<Integer> path("deferred.schedules") == 0) {
                break;
            }
        }

        assertThat(perRun).containsExactly(8, 8, 8, 8, 4);
        assertThat(deferred).containsExactly(28L, 20L, 12L, 4L, 0L);
        assertThat(all).extracting(i -> i.get("scheduleId") + "@" + i.get("periodStart")).doesNotHaveDuplicates()
                .hasSize(36);
        assertThat(all).extracting(i -> i.get("invoiceNumber")).doesNotHaveDuplicates();
        for (String id : ids) {
            assertThat(all).filteredOn(i -> id.equals(i.get("scheduleId"))).extracting(i -> i.get("periodStart"))
                    .as("each schedule oldest first, every period once").containsExactlyElementsOf(expected);
            get(id).then().body("issuedPeriods.periodStart", equalTo(expected));
        }
        assertInvoicesBillTheirPeriods(all);
    }

    @Test
    void theRunAnswersWithinItsLimitWhateverTheBacklog() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(create(schedule(customer(null), "MONTHLY", 20, TODAY.toString(), null)));
        }
        // three years without a run: 36 periods of each of 20 schedules are due
        travelTo(clock, TODAY.plusYears(3));

        Response run = run();

        assertThat(ids.stream().mapToInt(id -> issuedFor(run, id).size()).sum()).isEqualTo(PER_RUN);
        run.then().body("deferred.schedules", equalTo(20)).body("deferred.periods", equalTo(20 * 36 - PER_RUN))
                .body("deferred.maxPeriodsPerRun", equalTo(PER_RUN))
                .body("deferred.maxPeriodsPerSchedule", equalTo(PER_SCHEDULE));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(line -> line.startsWith("receivables_schedules_deferred_periods")))
                .as("the backlog left, for alerting").singleElement().asString()
                .endsWith(" " + (20 * 36 - PER_RUN) + ".0");
    }

    @Test
    void thePreviewListsWhatTheRunsThenIssueAndWritesNothing() {
        String customer = customer(null);
        String id = create(catchingUpFrom("""
                {"customerId": "%s", "frequency": "MONTHLY", "anchorDay": 31, "startDate": "2026-01-01",
                 "lines": [{"description": "Licence", "quantity": "3", "unitPrice": "12.345", "taxRate": "0.19"},
                           {"description": "Support", "quantity": "1.5", "unitPrice": "40", "taxRate": "0"}]}"""
                .formatted(customer), "2026-12-01"));
        long invoices = db.count("invoice");
        long outbox = db.count("outbox");
        long runs = db.count("billing_schedule_run");

        Response preview = preview(id, "2027-06-30");
        preview(id, "2027-06-30");

        assertThat(db.count("invoice")).isEqualTo(invoices);
        assertThat(db.count("outbox")).isEqualTo(outbox);
        assertThat(db.count("billing_schedule_run")).isEqualTo(runs);
        preview.then().body("until", equalTo("2027-06-30")).body("more", equalTo(false))
                .body("periods.periodStart", equalTo(List.of("2026-12-31", "2027-01-31", "2027-02-28", "2027-03-31",
                        "2027-04-30", "2027-05-31", "2027-06-30")));
        List<Map<String, String>> previewed = preview.path("periods");
        assertThat(previewed.get(0)).containsEntry("total", "104.08").containsEntry("currency", "EUR")
                .containsEntry("dueDate", "2027-01-14");
        assertThat(preview(id, null).<List<String>> path("periods.periodStart"))
                .as("until defaults to today").containsExactly("2026-12-31", "2027-01-31", "2027-02-28");

        List<Map<String, String>> issued = new ArrayList<>(issuedFor(run(), id));
        travelTo(clock, LocalDate.of(2027, 6, 30));
        issued.addAll(issuedFor(run(), id));

        assertThat(issued).hasSameSizeAs(previewed);
        for (int i = 0; i < issued.size(); i++) {
            Map<String, String> expected = previewed.get(i);
            given().when().get("/invoices/" + issued.get(i).get("invoiceId")).then().statusCode(200)
                    .body("billingPeriod.start", equalTo(expected.get("periodStart")))
                    .body("billingPeriod.end", equalTo(expected.get("periodEnd")))
                    .body("issueDate", equalTo(expected.get("issueDate")))
                    .body("dueDate", equalTo(expected.get("dueDate")))
                    .body("currency", equalTo(expected.get("currency")))
                    .body("subtotal", equalTo(expected.get("subtotal")))
                    .body("taxTotal", equalTo(expected.get("taxTotal")))
                    .body("total", equalTo(expected.get("total")));
        }
        assertThat(preview(id, "2027-06-30").<List<Object>> path("periods")).as("all issued").isEmpty();
    }

    @Test
    void aPreviewBeyondTheHorizonOrOfAnUnknownScheduleIsRefused() {
        String id = create(schedule(customer(null), "MONTHLY", 1, TODAY.toString(), null));
        given().queryParam("until", TODAY.plusMonths(36).toString()).when().get("/billing-schedules/" + id + "/preview")
                .then().statusCode(200);
        given().queryParam("until", TODAY.plusMonths(36).plusDays(1).toString())
                .when().get("/billing-schedules/" + id + "/preview").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("until"))
                .body("errors[0].message", containsString("36 months"));
        given().queryParam("until", "soon").when().get("/billing-schedules/" + id + "/preview").then()
                .statusCode(400).body("errors.field", hasItem("until"));
        given().when().get("/billing-schedules/" + UUID.randomUUID() + "/preview").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void twoConcurrentRunsIssueEachPeriodOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        String shared = customer(null);
        for (String customer : List.of(shared, shared, customer(null), customer(null))) {
            ids.add(create(catchingUpFrom(schedule(customer, "MONTHLY", 10, "2025-03-15", null), "2026-09-01")));
        }
        // 2026-09-10 .. 2027-03-10: 7 periods of each of 4 schedules, more than two runs may issue at once

        List<Map<String, String>> all = Collections.synchronizedList(new ArrayList<>());
        long left = -1;
        for (int round = 0; round < 10 && left != 0; round++) {
            List<Response> runs = concurrently(2);
            for (Response run : runs) {
                assertThat(run.<List<Object>> path("failed")).as("no replica ran into the other's period").isEmpty();
                List<Map<String, String>> issued = new ArrayList<>();
                ids.forEach(id -> issued.addAll(issuedFor(run, id)));
                assertThat(issued).as("one replica's run").hasSizeLessThanOrEqualTo(PER_RUN);
                all.addAll(issued);
            }
            left = runs.stream().mapToLong(run -> ((Number) run.path("deferred.periods")).longValue()).min()
                    .orElseThrow();
        }

        assertThat(left).isZero();
        assertThat(all).extracting(i -> i.get("scheduleId") + "@" + i.get("periodStart")).doesNotHaveDuplicates()
                .hasSize(28);
        assertThat(all).extracting(i -> i.get("invoiceNumber")).doesNotHaveDuplicates();
        List<String> expected = List.of("2026-09-10", "2026-10-10", "2026-11-10", "2026-12-10", "2027-01-10",
                "2027-02-10", "2027-03-10");
        for (String id : ids) {
            get(id).then().body("issuedPeriods.periodStart", equalTo(expected));
        }
        assertInvoicesBillTheirPeriods(all);
    }

    private String create(String body) {
        String id = ScheduleFixtures.create(body);
        created.add(id);
        return id;
    }

    private static Response preview(String id, String until) {
        var request = given();
        if (until != null) {
            request.queryParam("until", until);
        }
        Response response = request.when().get("/billing-schedules/" + id + "/preview");
        response.then().statusCode(200);
        return response;
    }

    private static void rejected(String body, String field, String message) {
        given().contentType(ContentType.JSON).body(body).when().post("/billing-schedules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }

    /** Every issued period is an invoice dated the period's start and billing exactly that period. */
    private static void assertInvoicesBillTheirPeriods(List<Map<String, String>> issued) {
        for (Map<String, String> period : issued) {
            given().when().get("/invoices/" + period.get("invoiceId")).then().statusCode(200)
                    .body("number", equalTo(period.get("invoiceNumber")))
                    .body("issueDate", equalTo(period.get("periodStart")))
                    .body("billingPeriod.start", equalTo(period.get("periodStart")))
                    .body("billingPeriod.end", equalTo(period.get("periodEnd")));
        }
    }

    /** {@code replicas} runs started at the same instant, as replicas' schedulers would. */
    private static List<Response> concurrently(int replicas) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Response> runs = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                runs.add(run());
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(runs).hasSize(replicas);
        return runs;
    }
}
