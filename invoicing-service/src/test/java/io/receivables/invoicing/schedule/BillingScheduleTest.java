package io.receivables.invoicing.schedule;

import static io.receivables.invoicing.schedule.ScheduleFixtures.create;
import static io.receivables.invoicing.schedule.ScheduleFixtures.customer;
import static io.receivables.invoicing.schedule.ScheduleFixtures.get;
import static io.receivables.invoicing.schedule.ScheduleFixtures.issuedFor;
import static io.receivables.invoicing.schedule.ScheduleFixtures.run;
import static io.receivables.invoicing.schedule.ScheduleFixtures.schedule;
import static io.receivables.invoicing.schedule.ScheduleFixtures.travelTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.invoicing.MutableClock;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Recurring billing: each period issued once as an ordinary invoice dated the period's start, whatever runs, replicas
 * and restarts do. Number assertions count from wherever the year's series stands when the test issues; each test bills
 * other years than its neighbours only so that periods one test leaves open are not issued in the middle of another.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class BillingScheduleTest {

    @Inject
    MutableClock clock;

    @Inject
    InvoicingDatabase db;

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void issuesEachDuePeriodOnceAsAnInvoiceWithItsEventAndNothingMoreWhenRunAgain() throws Exception {
        String customer = customer(null);
        String id = create(schedule(customer, "MONTHLY", 1, "2061-01-01", "2061-12-31"));
        travelTo(clock, LocalDate.of(2061, 2, 10));

        List<Map<String, String>> issued = issuedFor(run(), id);

        assertThat(issued).extracting(i -> i.get("periodStart")).containsExactly("2061-01-01", "2061-02-01");
        assertThat(issued).extracting(i -> i.get("periodEnd")).containsExactly("2061-01-31", "2061-02-28");
        for (Map<String, String> period : issued) {
            given().when().get("/invoices/" + period.get("invoiceId")).then().statusCode(200)
                    .body("issueDate", equalTo(period.get("periodStart")))
                    .body("number", equalTo(period.get("invoiceNumber")))
                    .body("customerId", equalTo(customer))
                    .body("total", equalTo("120.00"))
                    .body("poNumber", equalTo("PO-SUB"))
                    .body("billingPeriod.start", equalTo(period.get("periodStart")))
                    .body("billingPeriod.end", equalTo(period.get("periodEnd")));
            var event = io.receivables.contracts.json.EventJson.mapper()
                    .readTree(db.outboxRowFor(period.get("invoiceId"), "invoice-issued").getString("payload"));
            assertThat(event.at("/billingPeriod/start").asText()).isEqualTo(period.get("periodStart"));
            assertThat(event.at("/billingPeriod/end").asText()).isEqualTo(period.get("periodEnd"));
        }
        get(id).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("nextRunDate", equalTo("2061-03-01"))
                .body("issuedPeriods.periodStart", equalTo(List.of("2061-01-01", "2061-02-01")))
                .body("issuedPeriods.invoiceNumber", equalTo(issued.stream().map(i -> i.get("invoiceNumber")).toList()));

        // a restart, or the next tick of the scheduler on the same day, finds nothing left to issue
        long invoices = db.count("invoice");
        long outbox = db.count("outbox");
        assertThat(issuedFor(run(), id)).isEmpty();
        assertThat(db.count("invoice")).isEqualTo(invoices);
        assertThat(db.count("outbox")).isEqualTo(outbox);
    }

    @Test
    void keepsTheInvoiceTemplateInColumnsAndLinesOfItsOwnAndIssuesFromIt() {
        String id = create("""
                {"customerId": "%s", "frequency": "MONTHLY", "anchorDay": 1, "startDate": "2026-01-01",
                 "endDate": "2026-01-01", "catchUpFrom": "2026-01-01", "currency": "EUR", "poNumber": "PO-TPL",
                 "paymentTerms": {"type": "NET", "days": 10, "discountDays": 5, "discountRate": "0.02"},
                 "lines": [{"description": "Licence", "quantity": "2", "unitPrice": "12.50", "taxRate": "0.19"},
                           {"description": "Support", "quantity": "1.5", "unitPrice": "40", "taxRate": "0"}]}"""
                .formatted(customer(null)));

        get(id).then().statusCode(200)
                .body("currency", equalTo("EUR")).body("poNumber", equalTo("PO-TPL"))
                .body("paymentTerms.days", equalTo(10)).body("paymentTerms.discountDays", equalTo(5))
                .body("paymentTerms.discountRate", equalTo("0.02"))
                .body("lines.description", equalTo(List.of("Licence", "Support")))
                .body("lines.quantity", equalTo(List.of("2", "1.5")))
                .body("lines.unitPrice", equalTo(List.of("12.5", "40")))
                .body("lines.taxRate", equalTo(List.of("0.19", "0")));
        // stored in columns and rows, not as the JSON of the REST request
        var stored = pool.preparedQuery("SELECT po_number, terms_days, terms_discount_rate::text AS rate,"
                + " (SELECT count(*) FROM billing_schedule_line l WHERE l.schedule_id = s.id) AS lines"
                + " FROM billing_schedule s WHERE id = $1").execute(Tuple.of(UUID.fromString(id))).await().indefinitely()
                .iterator().next();
        assertThat(stored.getString("po_number")).isEqualTo("PO-TPL");
        assertThat(stored.getInteger("terms_days")).isEqualTo(10);
        assertThat(new java.math.BigDecimal(stored.getString("rate"))).isEqualByComparingTo("0.02");
        assertThat(stored.getLong("lines")).isEqualTo(2);

        List<Map<String, String>> issued = issuedFor(run(), id);
        assertThat(issued).hasSize(1);
        given().when().get("/invoices/" + issued.get(0).get("invoiceId")).then().statusCode(200)
                .body("issueDate", equalTo("2026-01-01")).body("dueDate", equalTo("2026-01-11"))
                .body("discountDate", equalTo("2026-01-06")).body("poNumber", equalTo("PO-TPL"))
                .body("subtotal", equalTo("85.00")).body("taxTotal", equalTo("4.75")).body("total", equalTo("89.75"));
    }

    @Test
    void twoReplicasRunningAtOnceIssueEveryPeriodExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        String shared = customer(null);
        for (String customer : List.of(shared, shared, customer(null))) {
            ids.add(create(schedule(customer, "MONTHLY", 5, "2062-01-01", "2062-06-30")));
        }
        travelTo(clock, LocalDate.of(2062, 4, 10)); // Jan, Feb, Mar, Apr: 4 periods each
        InvoicingDatabase.NumberSeries inv = db.series("INV", 2062);

        CountDownLatch start = new CountDownLatch(1);
        List<Response> runs = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> replicas = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            replicas.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                runs.add(run());
            }));
        }
        start.countDown();
        for (Thread replica : replicas) {
            replica.join();
        }

        List<String> periods = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (Response run : runs) {
            for (String id : ids) {
                issuedFor(run, id).forEach(i -> {
                    periods.add(id + "@" + i.get("periodStart"));
                    numbers.add(i.get("invoiceNumber"));
                });
            }
        }
        assertThat(periods).hasSize(12).doesNotHaveDuplicates();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(inv::next).toList());
        for (String id : ids) {
            get(id).then().body("issuedPeriods.periodStart",
                    equalTo(List.of("2062-01-05", "2062-02-05", "2062-03-05", "2062-04-05")));
        }
    }

    @Test
    void theNextPeriodIsIssuedOnceTheClockReachesIt() {
        String id = create(schedule(customer(null), "MONTHLY", 15, "2063-05-01", "2063-12-31"));
        travelTo(clock, LocalDate.of(2063, 5, 20));
        InvoicingDatabase.NumberSeries inv = db.series("INV", 2063);
        assertThat(issuedFor(run(), id)).extracting(i -> i.get("invoiceNumber")).containsExactly(inv.next(1));
        assertThat(issuedFor(run(), id)).as("the June period has not started").isEmpty();

        clock.advance(Duration.ofDays(31)); // 2063-06-20

        assertThat(issuedFor(run(), id)).extracting(i -> i.get("periodStart") + " " + i.get("invoiceNumber"))
                .containsExactly("2063-06-15 " + inv.next(2));
        get(id).then().body("nextRunDate", equalTo("2063-07-15"));
    }

    @Test
    void noPeriodStartsAfterTheEndDateAndTheScheduleCompletes() {
        String onEnd = create(schedule(customer(null), "MONTHLY", 10, "2064-01-01", "2064-03-10"));
        String dayBefore = create(schedule(customer(null), "MONTHLY", 10, "2064-01-01", "2064-03-09"));
        travelTo(clock, LocalDate.of(2064, 6, 1));

        Response run = run();

        assertThat(issuedFor(run, onEnd)).extracting(i -> i.get("periodStart"))
                .containsExactly("2064-01-10", "2064-02-10", "2064-03-10");
        assertThat(issuedFor(run, dayBefore)).extracting(i -> i.get("periodStart"))
                .containsExactly("2064-01-10", "2064-02-10");
        get(onEnd).then().body("status", equalTo("COMPLETED")).body("nextRunDate", nullValue());
        assertThat(issuedFor(run(), onEnd)).isEmpty();
    }

    @Test
    void anAnchorOnThe31stBillsOnTheLastDayOfFebruary() {
        String id = create(schedule(customer(null), "MONTHLY", 31, "2065-01-01", "2065-03-31"));
        travelTo(clock, LocalDate.of(2065, 4, 5));

        List<Map<String, String>> issued = issuedFor(run(), id);

        assertThat(issued).extracting(i -> i.get("periodStart") + ".." + i.get("periodEnd"))
                .containsExactly("2065-01-31..2065-02-27", "2065-02-28..2065-03-30", "2065-03-31..2065-04-29");
        given().when().get("/invoices/" + issued.get(1).get("invoiceId")).then()
                .body("issueDate", equalTo("2065-02-28")).body("dueDate", equalTo("2065-03-14"));
    }

    @Test
    void periodsStartedSinceTheLastRunAreIssuedOnceInOrderWithConsecutiveNumbers() {
        String id = create(schedule(customer(null), "MONTHLY", 1, "2066-01-01", "2066-12-31"));
        travelTo(clock, LocalDate.of(2066, 3, 15));
        InvoicingDatabase.NumberSeries inv = db.series("INV", 2066);

        List<Map<String, String>> issued = issuedFor(run(), id);

        assertThat(issued).extracting(i -> i.get("periodStart") + " " + i.get("invoiceNumber"))
                .containsExactly("2066-01-01 " + inv.next(1), "2066-02-01 " + inv.next(2),
                        "2066-03-01 " + inv.next(3));
        assertThat(issuedFor(run(), id)).isEmpty();
    }

    @Test
    void pausingSkipsThePeriodsThatStartMeanwhileAndCancellingStopsForGood() {
        String id = create(schedule(customer(null), "MONTHLY", 1, "2068-01-01", "2068-12-31"));
        travelTo(clock, LocalDate.of(2068, 1, 10));
        assertThat(issuedFor(run(), id)).hasSize(1);

        String etag = get(id).header("ETag");
        given().when().post("/billing-schedules/" + id + "/pause").then().statusCode(428);
        given().header("If-Match", "\"999\"").when().post("/billing-schedules/" + id + "/pause").then().statusCode(412);
        given().header("If-Match", etag).when().post("/billing-schedules/" + id + "/pause")
                .then().statusCode(200).body("status", equalTo("PAUSED")).body("nextRunDate", nullValue());

        travelTo(clock, LocalDate.of(2068, 3, 15));
        assertThat(issuedFor(run(), id)).as("paused").isEmpty();
        given().header("If-Match", get(id).header("ETag")).when().post("/billing-schedules/" + id + "/resume")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("nextRunDate", equalTo("2068-04-01"));
        assertThat(issuedFor(run(), id)).as("February and March were skipped").isEmpty();

        given().header("If-Match", get(id).header("ETag")).when().post("/billing-schedules/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        travelTo(clock, LocalDate.of(2068, 5, 15));
        assertThat(issuedFor(run(), id)).as("cancelled").isEmpty();
        given().header("If-Match", get(id).header("ETag")).when().post("/billing-schedules/" + id + "/cancel")
                .then().statusCode(409).contentType("application/problem+json");
        get(id).then().body("issuedPeriods.periodStart", equalTo(List.of("2068-01-01")));
    }

    @Test
    void rejectsAnInvalidScheduleNamingTheFieldAndWritesNothing() {
        String customer = customer(null);
        long schedules = db.count("billing_schedule");
        String good = schedule(customer, "MONTHLY", 1, "2069-01-01", null);

        invalid(good.replace("\"anchorDay\": 1", "\"anchorDay\": 32"), 400, "anchorDay");
        invalid(good.replace("MONTHLY", "WEEKLY"), 400, "frequency");
        invalid(good.replace("\"100.00\"", "\"-1\""), 400, "lines[0].unitPrice");
        invalid(good.replace("\"lines\": [", "\"currency\": \"XXX\", \"lines\": ["), 400, "currency");
        invalid(schedule(customer, "MONTHLY", 20, "2069-03-01", "2069-02-01"), 400, "endDate");
        invalid(schedule(customer, "MONTHLY", 20, "2069-03-21", "2069-04-10"), 400, "endDate");
        invalid(schedule(UUID.randomUUID().toString(), "MONTHLY", 1, "2069-01-01", null), 422, "customerId");

        assertThat(db.count("billing_schedule")).isEqualTo(schedules);
    }

    @Test
    void aRetriedCreationWithTheSameKeyCreatesOneSchedule() {
        String body = schedule(customer(null), "YEARLY", 1, "2069-01-01", "2069-01-01");
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/billing-schedules").then().statusCode(201).extract().path("id");
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/billing-schedules").then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void listsACustomersSchedulesAPageAtATime() {
        String customer = customer(null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(schedule(customer, "QUARTERLY", 1, "2069-01-01", "2069-01-01")));
        }
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("customerId", customer).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/billing-schedules");
            page.then().statusCode(200);
            listed.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(listed).isEqualTo(ids);
        given().queryParam("cursor", "nonsense").when().get("/billing-schedules")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().queryParam("customerId", "nonsense").when().get("/billing-schedules")
                .then().statusCode(400).body("errors.field", hasItem("customerId"));
    }

    @Test
    void documentsTheSchedulesInOpenApi() {
        Response openapi = given().accept("application/json").when().get("/q/openapi?format=json");
        openapi.then().statusCode(200)
                .body("paths.'/billing-schedules'.post.parameters.find { it.name == 'Idempotency-Key' }.in",
                        equalTo("header"))
                .body("paths.'/billing-schedules'.post.responses.keySet()", hasItems("201", "400", "422"))
                .body("paths.'/billing-schedules/{id}'.get.responses.'200'.headers.ETag", notNullValue())
                .body("paths.'/billing-schedules/run'.post.responses.keySet()", hasItem("200"))
                .body("paths.'/billing-schedules/{id}/preview'.get.parameters.find { it.name == 'until' }.in",
                        equalTo("query"))
                .body("paths.'/billing-schedules/{id}/preview'.get.responses.keySet()", hasItems("200", "400", "404"));
        for (String action : List.of("pause", "resume", "cancel")) {
            String path = "paths.'/billing-schedules/{id}/" + action + "'.post";
            openapi.then()
                    .body(path + ".parameters.find { it.name == 'If-Match' }.in", equalTo("header"))
                    .body(path + ".parameters.find { it.name == 'Idempotency-Key' }.in", equalTo("header"))
                    .body(path + ".responses.keySet()", hasItems("200", "404", "409", "412", "428"));
        }
    }

    private static void invalid(String body, int status, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/billing-schedules")
                .then().statusCode(status).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
