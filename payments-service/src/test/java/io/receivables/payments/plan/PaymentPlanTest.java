package io.receivables.payments.plan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.common.testing.TestTokens;
import io.receivables.contracts.events.PaymentPlanBroken;
import io.receivables.contracts.events.PaymentPlanCompleted;
import io.receivables.contracts.events.PaymentPlanCreated;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.local.testing.LocalInfraTestResource;
import io.receivables.payments.InvoicingEvents;
import io.receivables.payments.MutableClock;
import io.receivables.payments.PaymentsDatabase;
import io.receivables.payments.payment.service.PaymentChanges;
import io.receivables.payments.plan.service.PlanScheduler;
import io.receivables.payments.webhook.service.StripeWebhooks;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Payment plans against the read model built from ar.invoicing.events: creation and its event, payments filling the
 * instalments (and a reversal taking its share back), completion, breaking by the clock (no sleeping: the clock is
 * moved) exactly once with two evaluations at the same moment, and every refusal writing nothing.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PaymentPlanTest {

    static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);
    static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    PaymentsDatabase db;

    @Inject
    MutableClock clock;

    @Inject
    PlanScheduler scheduler;

    @Inject
    PaymentChanges changes;

    CloudEventProducer producer;
    InvoicingEvents events;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new InvoicingEvents(producer);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        clock.reset();
    }

    @Test
    void aPlanOfEqualMonthlyInstalmentsAfterADownPaymentCoversTwoInvoicesAndPublishesItsSchedule() {
        UUID customer = customer();
        UUID first = invoice(customer, "EUR", "700.00");
        UUID second = invoice(customer, "EUR", "300.01");
        LocalDate today = today();

        Response created = create(Map.of("customerId", customer.toString(), "invoiceIds", List.of(first.toString(),
                second.toString()), "downPayment", Map.of("dueDate", today.toString(), "amount", "100.00"),
                "schedule", Map.of("count", 3, "firstDueDate", today.plusDays(10).toString(), "interval",
                        "MONTHLY")),
                given().header("Authorization", "Bearer " + TestTokens.user("u-42", "collector", "collector")));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        JsonPath plan = created.jsonPath();
        assertThat(plan.getString("status")).isEqualTo("ACTIVE");
        assertThat(plan.getString("total")).as("what is open on both").isEqualTo("1000.01");
        assertThat(plan.getString("downPayment.amount")).isEqualTo("100.00");
        assertThat(plan.getList("instalments.amount")).as("the last absorbs the odd cent")
                .containsExactly("300.00", "300.00", "300.01");
        assertThat(plan.getList("instalments.dueDate")).containsExactly(today.plusDays(10).toString(),
                today.plusDays(10).plusMonths(1).toString(), today.plusDays(10).plusMonths(2).toString());
        assertThat(plan.getString("paidAmount")).isEqualTo("0.00");

        String id = plan.getString("id");
        String payload = db.outboxRowFor(id, "payment-plan-created").getString("payload");
        EventValidator.shared().assertValid("payment-plan-created", payload);
        PaymentPlanCreated event = EventJson.read(payload, PaymentPlanCreated.class);
        assertThat(event.customerId()).isEqualTo(customer);
        assertThat(event.invoices()).extracting(PaymentPlanCreated.CoveredInvoice::invoiceId)
                .containsExactlyInAnyOrder(first, second);
        assertThat(event.downPayment().amount()).isEqualByComparingTo("100.00");
        assertThat(event.instalments()).extracting(PaymentPlanCreated.Instalment::number).containsExactly(1, 2, 3);
        assertThat(event.actor().username()).as("the caller's actor").isEqualTo("collector");
        assertThat(db.outboxRowFor(id, "payment-plan-created").getString("customer_id"))
                .as("keyed by customer").isEqualTo(customer.toString());

        Response read = given().get("/payment-plans/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.jsonPath().getList("instalments.state")).containsOnly("DUE");
        assertThat(given().header("Authorization", TestTokens.bearer("viewer")).get("/payment-plans/" + id)
                .statusCode()).as("a viewer reads plans").isEqualTo(200);
        assertThat(create(Map.of("customerId", customer.toString(), "invoiceIds", List.of(first.toString())),
                given().header("Authorization", TestTokens.bearer("viewer"))).statusCode())
                .as("but makes none").isEqualTo(403);

        List<String> listed = given().queryParam("customerId", customer.toString()).queryParam("status", "ACTIVE")
                .queryParam("limit", "1").get("/payment-plans").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
        assertThat(listed).containsExactly(id);
    }

    @Test
    void paymentsFillTheInstalmentsOldestFirstAReversalTakesItsShareBackAndFullPaymentCompletesThePlanOnce() {
        UUID customer = customer();
        UUID invoice = invoice(customer, "EUR", "100.00");
        LocalDate today = today();
        String id = create(Map.of("customerId", customer.toString(), "invoiceIds", List.of(invoice.toString()),
                "instalments", List.of(Map.of("dueDate", today.toString(), "amount", "40.00"),
                        Map.of("dueDate", today.plusDays(14).toString(), "amount", "60.00"))),
                given()).then().statusCode(201).extract().jsonPath().getString("id");

        Response paid = pay(customer, invoice, "50.00");
        JsonPath filled = plan(id);
        assertThat(filled.getList("instalments.paidAmount")).containsExactly("40.00", "10.00");
        assertThat(filled.getList("instalments.state")).containsExactly("PAID", "PARTIALLY_PAID");
        assertThat(filled.getString("outstandingAmount")).isEqualTo("50.00");

        given().contentType("application/json").header("If-Match", paid.header("ETag"))
                .body(Map.of("reason", "BOUNCED")).post("/payments/" + paid.jsonPath().getString("id") + "/reverse")
                .then().statusCode(200);
        assertThat(plan(id).getList("instalments.paidAmount")).as("the bounced payment no longer pays them")
                .containsExactly("0.00", "0.00");
        assertThat(plan(id).getString("status")).isEqualTo("ACTIVE");

        pay(customer, invoice, "100.00");
        JsonPath completed = plan(id);
        assertThat(completed.getString("status")).isEqualTo("COMPLETED");
        assertThat(completed.getString("completedOn")).isEqualTo(today.toString());
        String payload = db.outboxRowFor(id, "payment-plan-completed").getString("payload");
        EventValidator.shared().assertValid("payment-plan-completed", payload);
        PaymentPlanCompleted event = EventJson.read(payload, PaymentPlanCompleted.class);
        assertThat(event.total()).isEqualByComparingTo("100.00");
        assertThat(event.invoiceIds()).containsExactly(invoice);

        // a later run of the daily evaluation changes nothing: the plan is no longer active
        clock.advance(Duration.ofDays(40));
        VertxContextSupportRun.run(() -> scheduler.runDue(PlanScheduler.ACTOR));
        assertThat(db.count("outbox", "aggregateid = $1", id)).as("created and completed, nothing more").isEqualTo(2);
    }

    @Test
    void anInstalmentLateBeyondTheGraceDaysBreaksThePlanOnceThoughTwoEvaluationsRunAtTheSameMoment()
            throws Exception {
        UUID customer = customer();
        UUID invoice = invoice(customer, "EUR", "90.00");
        LocalDate due = today().plusDays(1);
        String id = create(Map.of("customerId", customer.toString(), "invoiceIds", List.of(invoice.toString()),
                "schedule", Map.of("count", 3, "firstDueDate", due.toString(), "interval", "DAYS", "intervalDays", 7)),
                given()).then().statusCode(201).extract().jsonPath().getString("id");
        pay(customer, invoice, "20.00");

        travelTo(due.plusDays(5));
        VertxContextSupportRun.run(() -> scheduler.runDue(PlanScheduler.ACTOR));
        assertThat(plan(id).getString("status")).as("five days late is within the grace").isEqualTo("ACTIVE");
        assertThat(plan(id).getList("instalments.state")).containsExactly("OVERDUE", "DUE", "DUE");

        travelTo(due.plusDays(6));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<PlanScheduler.RunReport>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(replicas.submit(() -> {
                    start.await();
                    return VertxContextSupportRun.run(() -> scheduler.runDue(PlanScheduler.ACTOR));
                }));
            }
            int brokenBy = 0;
            for (Future<PlanScheduler.RunReport> run : runs) {
                brokenBy += run.get().broken().contains(UUID.fromString(id)) ? 1 : 0;
            }
            assertThat(brokenBy).as("one of the two evaluations broke it").isEqualTo(1);
        } finally {
            replicas.shutdownNow();
        }
        assertThat(db.count("outbox", "aggregateid = $1 AND type = $2", id, "payment-plan-broken"))
                .as("published once").isEqualTo(1);
        String payload = db.outboxRowFor(id, "payment-plan-broken").getString("payload");
        EventValidator.shared().assertValid("payment-plan-broken", payload);
        PaymentPlanBroken broken = EventJson.read(payload, PaymentPlanBroken.class);
        assertThat(broken.instalmentNumber()).isEqualTo(1);
        assertThat(broken.dueDate()).isEqualTo(due);
        assertThat(broken.daysLate()).isEqualTo(6);
        assertThat(broken.amountOutstanding()).isEqualByComparingTo("10.00");
        assertThat(broken.planOutstanding()).isEqualByComparingTo("70.00");
        assertThat(broken.actor().id()).isEqualTo("system:payment-plan-scheduler");
        JsonPath plan = plan(id);
        assertThat(plan.getString("status")).isEqualTo("BROKEN");
        assertThat(plan.getInt("brokenInstalment")).isEqualTo(1);
        assertThat(plan.getString("brokenOn")).isEqualTo(due.plusDays(6).toString());

        // no longer active: its invoice may enter a new plan
        create(Map.of("customerId", customer.toString(), "invoiceIds", List.of(invoice.toString()), "schedule",
                Map.of("count", 2, "firstDueDate", today().toString(), "interval", "WEEKLY")), given()).then()
                .statusCode(201);
    }

    @Test
    void aPaymentTakenBackAfterTheGraceDaysBreaksThePlanAtOnceAsItsCaller() {
        UUID customer = customer();
        UUID invoice = invoice(customer, "EUR", "80.00");
        LocalDate due = today();
        String id = create(Map.of("customerId", customer.toString(), "invoiceIds", List.of(invoice.toString()),
                "instalments", List.of(Map.of("dueDate", due.toString(), "amount", "30.00"), Map.of("dueDate",
                        due.plusDays(30).toString(), "amount", "50.00"))),
                given()).then().statusCode(201).extract().jsonPath().getString("id");
        Response paid = pay(customer, invoice, "30.00");

        travelTo(due.plusDays(8));
        JsonPath payment = paid.jsonPath();
        given().header("If-Match", paid.header("ETag")).delete("/payments/" + payment.getString("id")
                + "/allocations/" + payment.getString("allocations[0].id")).then().statusCode(200);

        assertThat(plan(id).getString("status")).isEqualTo("BROKEN");
        PaymentPlanBroken broken = EventJson.read(db.outboxRowFor(id, "payment-plan-broken").getString("payload"),
                PaymentPlanBroken.class);
        assertThat(broken.instalmentNumber()).isEqualTo(1);
        assertThat(broken.daysLate()).isEqualTo(8);
        assertThat(broken.actor().kind()).as("the caller who took the payment back, not the scheduler")
                .isNotEqualTo(io.receivables.contracts.events.Actor.Kind.SYSTEM);
    }

    @Test
    void aRefundTakingBackAnInstalmentAfterTheGraceDaysBreaksThePlanAtOnce() {
        UUID customer = customer();
        UUID invoice = invoice(customer, "EUR", "80.00");
        LocalDate due = today();
        String id = create(Map.of("customerId", customer.toString(), "invoiceIds", List.of(invoice.toString()),
                "instalments", List.of(Map.of("dueDate", due.toString(), "amount", "30.00"), Map.of("dueDate",
                        due.plusDays(30).toString(), "amount", "50.00"))),
                given()).then().statusCode(201).extract().jsonPath().getString("id");
        UUID payment = UUID.fromString(pay(customer, invoice, "30.00").jsonPath().getString("id"));

        // the gateway refunds the card payment (StripeWebhooks: charge.refunded) eight days after the instalment's date
        travelTo(due.plusDays(8));
        VertxContextSupportRun.run(() -> Panache.withTransaction(() -> changes.takeBack(StripeWebhooks.ACTOR, payment,
                new java.math.BigDecimal("30.00"), today())));

        assertThat(plan(id).getString("status")).isEqualTo("BROKEN");
        PaymentPlanBroken broken = EventJson.read(db.outboxRowFor(id, "payment-plan-broken").getString("payload"),
                PaymentPlanBroken.class);
        assertThat(broken.daysLate()).isEqualTo(8);
        assertThat(broken.actor().id()).as("the refund's actor, not the daily run's").isEqualTo(
                StripeWebhooks.ACTOR.id());
    }

    @Test
    void aCancelledPlanNeedsIfMatchAndFreesItsInvoices() {
        UUID customer = customer();
        UUID invoice = invoice(customer, "EUR", "50.00");
        Map<String, Object> body = Map.of("customerId", customer.toString(), "invoiceIds", List.of(invoice
                .toString()), "schedule", Map.of("count", 2, "firstDueDate", today().toString(), "interval", "WEEKLY"));
        String id = create(body, given()).then().statusCode(201).extract().jsonPath().getString("id");

        assertThat(given().post("/payment-plans/" + id + "/cancel").statusCode()).isEqualTo(428);
        assertThat(given().header("If-Match", "\"7\"").post("/payment-plans/" + id + "/cancel").statusCode())
                .isEqualTo(412);
        Response cancelled = given().header("If-Match", "\"0\"").post("/payment-plans/" + id + "/cancel");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertThat(cancelled.jsonPath().getString("status")).isEqualTo("CANCELLED");
        assertThat(given().header("If-Match", cancelled.header("ETag")).post("/payment-plans/" + id + "/cancel")
                .statusCode()).isEqualTo(409);
        String second = create(body, given()).then().statusCode(201).extract().jsonPath().getString("id");

        // newest first, a page at a time
        JsonPath page = given().queryParam("customerId", customer.toString()).queryParam("limit", "1")
                .get("/payment-plans").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(second);
        JsonPath next = given().queryParam("customerId", customer.toString()).queryParam("limit", "1")
                .queryParam("cursor", page.getString("nextCursor")).get("/payment-plans").then().statusCode(200)
                .extract().jsonPath();
        assertThat(next.getList("items.id")).containsExactly(id);
        assertThat(next.getString("nextCursor")).isNull();
        assertThat(given().queryParam("customerId", customer.toString()).queryParam("status", "CANCELLED")
                .get("/payment-plans").then().statusCode(200).extract().jsonPath().getList("items.id"))
                .containsExactly(id);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyMakesOnePlan() {
        UUID customer = customer();
        UUID invoice = invoice(customer, "EUR", "50.00");
        Map<String, Object> body = Map.of("customerId", customer.toString(), "invoiceIds", List.of(invoice
                .toString()), "schedule", Map.of("count", 2, "firstDueDate", today().toString(), "interval", "WEEKLY"));
        String key = UUID.randomUUID().toString();
        Response first = create(body, given().header("Idempotency-Key", key));
        Response retry = create(body, given().header("Idempotency-Key", key));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(db.count("payment_plan", "customer_id = $1", customer)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        UUID customer = customer();
        UUID other = customer();
        UUID open = invoice(customer, "EUR", "100.00");
        UUID yen = invoice(customer, "JPY", "1000");
        UUID othersInvoice = invoice(other, "EUR", "10.00");
        UUID voided = UUID.randomUUID();
        String voidedNumber = number();
        events.invoiceIssued(customer, voided, voidedNumber, "EUR", "30.00", ISSUED, null);
        events.voided(customer, voided, voidedNumber, "EUR", "30.00");
        UUID paidInvoice = invoice(customer, "EUR", "20.00");
        pay(customer, paidInvoice, "20.00");
        UUID planned = invoice(customer, "EUR", "40.00");
        create(Map.of("customerId", customer.toString(), "invoiceIds", List.of(planned.toString()), "schedule",
                Map.of("count", 1, "firstDueDate", today().toString(), "interval", "WEEKLY")), given()).then()
                .statusCode(201);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> "VOIDED".equals(db.state(voided)));
        long plans = db.count("payment_plan");
        long members = db.count("payment_plan_invoice");
        long instalments = db.count("payment_plan_instalment");
        long outbox = db.count("outbox");
        String today = today().toString();
        String c = customer.toString();
        Map<String, Object> monthly = Map.of("count", 2, "firstDueDate", today, "interval", "MONTHLY");

        refused(Map.of("customerId", UUID.randomUUID().toString(), "invoiceIds", List.of(open.toString()), "schedule",
                monthly), 422, "customerId");
        refused(Map.of("customerId", c, "invoiceIds", List.of(UUID.randomUUID().toString()), "schedule", monthly), 422,
                "invoiceIds[0]");
        refused(Map.of("customerId", c, "invoiceIds", List.of(open.toString(), othersInvoice.toString()), "schedule",
                monthly), 400, "invoiceIds[1]");
        refused(Map.of("customerId", c, "invoiceIds", List.of(open.toString(), yen.toString()), "schedule", monthly),
                400, "invoiceIds[1]");
        refused(Map.of("customerId", c, "invoiceIds", List.of(voided.toString()), "schedule", monthly), 409,
                "invoiceIds[0]");
        refused(Map.of("customerId", c, "invoiceIds", List.of(open.toString(), paidInvoice.toString()), "schedule",
                monthly), 409, "invoiceIds[1]");
        refused(Map.of("customerId", c, "invoiceIds", List.of(planned.toString()), "schedule", monthly), 409,
                "invoiceIds[0]");
        refused(explicit(c, open, Map.of("dueDate", today, "amount", "60.00"), Map.of("dueDate", today().plusDays(
                1).toString(), "amount", "30.00")), 400, "instalments");
        refused(explicit(c, open, Map.of("dueDate", today().plusDays(5).toString(), "amount", "60.00"), Map.of(
                "dueDate", today().plusDays(5).toString(), "amount", "40.00")), 400, "instalments[1].dueDate");
        refused(explicit(c, open, Map.of("dueDate", today, "amount", "60.005"), Map.of("dueDate", today().plusDays(
                1).toString(), "amount", "39.995")), 400, "instalments[0].amount");
        refused(Map.of("customerId", c, "invoiceIds", List.of(yen.toString()), "instalments", List.of(Map.of(
                "dueDate", today, "amount", "999.5"),
                Map.of("dueDate", today().plusDays(1).toString(), "amount",
                        "0.5"))),
                400, "instalments[0].amount");
        refused(explicit(c, open, Map.of("dueDate", today, "amount", "0.00"), Map.of("dueDate", today().plusDays(1)
                .toString(), "amount", "100.00")), 400, "instalments[0].amount");
        refused(explicit(c, open, Map.of("dueDate", "2020-01-01", "amount", "100.00")), 400,
                "instalments[0].dueDate");
        refused(Map.of("customerId", c, "invoiceIds", List.of(open.toString()), "schedule", Map.of("count", 0,
                "firstDueDate", today, "interval", "MONTHLY")), 400, "schedule.count");
        refused(Map.of("customerId", c, "invoiceIds", List.of(open.toString()), "schedule", Map.of("count", 61,
                "firstDueDate", today, "interval", "MONTHLY")), 400, "schedule.count");
        refused(Map.of("customerId", c, "invoiceIds", List.of(open.toString()), "schedule", Map.of("count", 3,
                "firstDueDate", today, "interval", "DAYS")), 400, "schedule.intervalDays");
        refused(Map.of("customerId", c, "invoiceIds", List.of(open.toString()), "total", "100.01", "schedule",
                monthly), 400, "total");
        refused(Map.of("customerId", c, "invoiceIds", List.of(open.toString()), "downPayment", Map.of("dueDate",
                today, "amount", "100.00"), "schedule", monthly), 400, "downPayment.amount");
        refused(Map.of("customerId", c, "invoiceIds", List.of(open.toString()), "downPayment", Map.of("dueDate",
                today().plusDays(40).toString(), "amount", "10.00"), "schedule", monthly), 400, "downPayment.dueDate");
        refused(Map.of("customerId", c, "invoiceIds", List.of(open.toString()), "total", "0.01", "schedule",
                Map.of("count", 2, "firstDueDate", today, "interval", "WEEKLY")), 400, "schedule.count");
        refused(Map.of("customerId", c, "invoiceIds", List.of(open.toString()), "schedule", monthly, "instalments",
                List.of(Map.of("dueDate", today, "amount", "100.00"))), 400, "instalments");

        assertThat(db.count("payment_plan")).isEqualTo(plans);
        assertThat(db.count("payment_plan_invoice")).isEqualTo(members);
        assertThat(db.count("payment_plan_instalment")).isEqualTo(instalments);
        assertThat(db.count("outbox")).isEqualTo(outbox);
    }

    private static Map<String, Object> explicit(String customer, UUID invoice, Map<?, ?>... instalments) {
        return Map.of("customerId", customer, "invoiceIds", List.of(invoice.toString()), "instalments",
                List.of(instalments));
    }

    private void refused(Map<String, Object> body, int status, String field) {
        Response response = create(body, given());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class)).as(response.asString()).contains(field);
    }

    private static Response create(Map<String, Object> body, io.restassured.specification.RequestSpecification spec) {
        return spec.contentType("application/json").body(body).post("/payment-plans");
    }

    private static JsonPath plan(String id) {
        return given().get("/payment-plans/" + id).then().statusCode(200).extract().jsonPath();
    }

    private Response pay(UUID customer, UUID invoice, String amount) {
        Response paid = given().contentType("application/json").body(Map.of("customerId", customer.toString(),
                "amount", amount, "currency", "EUR", "valueDate", today().toString(), "method", "BANK_TRANSFER",
                "allocations", List.of(Map.of("invoiceId", invoice.toString(), "amount", amount)))).post("/payments");
        assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
        return paid;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void travelTo(LocalDate date) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), date.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    }

    private UUID customer() {
        UUID customer = UUID.randomUUID();
        events.customerRegistered(customer, "Customer " + customer, "EUR");
        return customer;
    }

    /** An invoice issued to {@code customer}, once the read model has it (and so the customer, sent before it). */
    private UUID invoice(UUID customer, String currency, String total) {
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, number(), currency, total, ISSUED, null);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> db.openAmount(invoice) != null);
        return invoice;
    }

    static String number() {
        return "P%d-%09d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    /** Runs a service call on a Vert.x context, as the scheduler does, and waits for it. */
    static final class VertxContextSupportRun {

        static <T> T run(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
            try {
                return VertxContextSupport.subscribeAndAwait(work);
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        }
    }
}
