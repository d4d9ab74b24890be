package io.receivables.dunning.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

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
import io.receivables.contracts.events.Contact;
import io.receivables.contracts.events.DoNotDun;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.dunning.MutableClock;
import io.receivables.dunning.receivable.DunningEvents;
import io.receivables.dunning.run.service.DunningRuns;
import io.receivables.dunning.run.service.RunWorker;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The run end to end on real PostgreSQL and Kafka: the read model built through the real consumers from events
 * (DunningEvents), a run started through the API, waiting for the consumers' catch-up and driven by the worker (the
 * tests call it; the scheduled worker is off in tests). Each test has customers of its own with a policy of its own
 * (a customer override), so runs of other tests' customers change nothing asserted here.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class DunningRunTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final LocalDate DUE = DunningEvents.DUE;

    /** Step 1 a day after the due date by e-mail; 2 after a week by e-mail and SMS; 3 after two weeks by e-mail and letter. */
    static final String THREE_STEPS = """
            {"name": "run %s", "currency": "EUR", "steps": [
              {"offsetDays": 1, "channels": [{"channel": "EMAIL", "templateKey": "reminder-1"}]},
              {"offsetDays": 7, "channels": [{"channel": "EMAIL", "templateKey": "reminder-2"},
                {"channel": "SMS", "templateKey": "reminder-2"}]},
              {"offsetDays": 14, "channels": [{"channel": "EMAIL", "templateKey": "final-notice"},
                {"channel": "LETTER", "templateKey": "final-notice"}]}]}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RunDatabase db;

    @Inject
    RunWorker worker;

    @Inject
    DunningRuns runs;

    @Inject
    MutableClock clock;

    CloudEventProducer producer;
    DunningEvents events;
    UUID policy;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new DunningEvents(producer);
        policy = UUID.fromString(given().contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(THREE_STEPS.formatted(UUID.randomUUID()))
                .post("/dunning-policies").then().statusCode(201).extract().path("id"));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        clock.reset();
    }

    @Test
    void anInvoiceDueYesterdayGetsOneMessageNamingItAndASecondRunTheSameDaySendsNothing() {
        UUID customer = customer("ap@globex.example", null, null);
        UUID invoice = invoice(customer, "1000.00", DUE);

        JsonPath started = given().contentType("application/json").header("Idempotency-Key", "run-" + invoice)
                .body("{\"asOf\": \"" + DUE.plusDays(1) + "\"}").post("/dunning-runs").then().statusCode(202)
                .extract().jsonPath();
        UUID run = UUID.fromString(started.getString("id"));
        assertThat(started.getString("status")).isEqualTo("WAITING_FOR_CATCH_UP");
        assertThat(given().contentType("application/json").header("Idempotency-Key", "run-" + invoice)
                .body("{\"asOf\": \"" + DUE.plusDays(1) + "\"}").post("/dunning-runs").then().statusCode(202)
                .extract().jsonPath().getString("id")).as("a retry with its key is the same run").isEqualTo(run.toString());
        assertThat(finish(run)).isEqualTo("COMPLETED");

        List<Row> messages = messages(customer);
        assertThat(messages).hasSize(1);
        Row message = messages.getFirst();
        assertThat(message.getString("channel")).isEqualTo("EMAIL");
        assertThat(message.getString("template_key")).isEqualTo("reminder-1");
        assertThat(message.getString("recipient")).isEqualTo("ap@globex.example");
        assertThat(message.getString("reply_to")).isEqualTo("collections@receivables.example");
        assertThat(message.getString("status")).isEqualTo("QUEUED");
        assertThat(message.getBigDecimal("amount_due")).isEqualByComparingTo("1000.00");
        assertThat(message.getString("text_body")).contains(DunningEvents.number(invoice));
        assertThat(message.getString("payment_reference")).isEqualTo(PaymentReferences.of(customer));
        assertThat(db.count("dunning_action", "invoice_id = $1 AND step_number = 1 AND run_id = $2", invoice, run))
                .isEqualTo(1);

        JsonPath done = given().get("/dunning-runs/" + run).then().statusCode(200).extract().jsonPath();
        assertThat(done.getString("asOf")).isEqualTo(DUE.plusDays(1).toString());
        assertThat(done.getString("trigger")).isEqualTo("MANUAL");
        assertThat(done.getLong("counts.customers")).isEqualTo(done.getLong("counts.done")).isPositive();
        assertThat(done.getLong("counts.messages")).isPositive();

        UUID second = start(DUE.plusDays(1));
        assertThat(finish(second)).isEqualTo("COMPLETED");
        assertThat(messages(customer)).as("step 1 was actioned: nothing new").hasSize(1);
        assertThat(db.count("dunning_action", "run_id = $1 AND customer_id = $2", second, customer)).isZero();
        assertThat(outcome(second, customer)).isEqualTo("NOTHING_DUE");
        assertThat(given().queryParam("limit", 100).get("/dunning-runs").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).as("newest first").containsSubsequence(second.toString(),
                        run.toString());
    }

    @Test
    void aPaymentAppliedAfterTheRunStartedButSentBeforeIsSeen() {
        UUID customer = customer("ap@paid.example", null, null);
        UUID invoice = invoice(customer, "500.00", DUE);
        events.paid(customer, invoice, "500.00");
        // at once, without waiting for the payment to be applied: the run waits for the consumers
        UUID run = start(DUE.plusDays(1));

        assertThat(finish(run)).isEqualTo("COMPLETED");
        assertThat(db.rows("SELECT open_amount FROM dunning_invoice WHERE invoice_id = $1", invoice).getFirst()
                .getBigDecimal(0)).isEqualByComparingTo("0");
        assertThat(messages(customer)).isEmpty();
        assertThat(db.count("dunning_action", "invoice_id = $1", invoice)).isZero();
    }

    @Test
    void thePartDisputedIsNotAskedForAndAWhollyDisputedInvoiceNotAtAll() {
        UUID customer = customer("ap@disputes.example", null, null);
        UUID part = invoice(customer, "1000.00", DUE);
        UUID whole = invoice(customer, "300.00", DUE);
        events.disputeOpened(UUID.randomUUID(), customer, UUID.randomUUID(), part, "200.00");
        events.disputeOpened(UUID.randomUUID(), customer, UUID.randomUUID(), whole, "300.00");
        await().atMost(WAIT).until(() -> db.count("dunning_invoice",
                "invoice_id IN ($1, $2) AND disputed_amount > 0", part, whole) == 2);

        assertThat(finish(start(DUE.plusDays(1)))).isEqualTo("COMPLETED");

        List<Row> messages = messages(customer);
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().getBigDecimal("amount_due")).isEqualByComparingTo("800.00");
        List<Row> lines = db.rows("SELECT invoice_id, amount_due, disputed_amount FROM dunning_message_invoice"
                + " WHERE message_id = $1", messages.getFirst().getUUID("id"));
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().getUUID("invoice_id")).isEqualTo(part);
        assertThat(lines.getFirst().getBigDecimal("amount_due")).isEqualByComparingTo("800.00");
        assertThat(db.count("dunning_action", "invoice_id = $1", whole)).isZero();
    }

    @Test
    void aCustomerUnderDoNotDunIsSentNothingAndCountedAsSkipped() {
        UUID customer = customer("ap@dnd.example", null, new DoNotDun("insolvency", DUE.plusDays(10)));
        UUID invoice = invoice(customer, "100.00", DUE);

        UUID run = start(DUE.plusDays(1));
        assertThat(finish(run)).isEqualTo("COMPLETED");
        assertThat(messages(customer)).isEmpty();
        assertThat(outcome(run, customer)).isEqualTo("DO_NOT_DUN");
        assertThat(given().get("/dunning-runs/" + run).then().statusCode(200).extract().jsonPath()
                .getInt("counts.skipped.DO_NOT_DUN")).isPositive();

        // the day after its end (inclusive) the customer is reminded of the step it has reached
        assertThat(finish(start(DUE.plusDays(11)))).isEqualTo("COMPLETED");
        assertThat(messages(customer)).extracting(row -> row.getString("template_key")).containsExactly("reminder-2");
        assertThat(db.count("dunning_action", "invoice_id = $1", invoice)).isEqualTo(1);
    }

    @Test
    void threeInvoicesAtThreeStepsMakeOneMessagePerChannelWithTheHighestStepsTemplate() {
        UUID customer = customer("ap@three.example", "+49301234567", null);
        UUID first = invoice(customer, "100.00", DUE.plusDays(13)); // 2 days overdue: step 1
        UUID second = invoice(customer, "200.00", DUE.plusDays(8)); // 7 days: step 2
        UUID third = invoice(customer, "300.00", DUE); // 15 days: step 3

        UUID run = start(DUE.plusDays(15));
        assertThat(finish(run)).isEqualTo("COMPLETED");

        Map<String, Row> byChannel = new java.util.HashMap<>();
        messages(customer).forEach(row -> byChannel.put(row.getString("channel"), row));
        assertThat(byChannel).containsOnlyKeys("EMAIL", "SMS", "LETTER");
        assertThat(byChannel.get("EMAIL").getString("template_key")).isEqualTo("final-notice");
        assertThat(byChannel.get("EMAIL").getInteger("step_number")).isEqualTo(3);
        assertThat(byChannel.get("EMAIL").getBigDecimal("amount_due")).isEqualByComparingTo("600.00");
        assertThat(invoicesOf(byChannel.get("EMAIL"))).containsExactlyInAnyOrder(first, second, third);
        assertThat(byChannel.get("SMS").getString("template_key")).isEqualTo("reminder-2");
        assertThat(byChannel.get("SMS").getString("recipient")).isEqualTo("+49301234567");
        assertThat(invoicesOf(byChannel.get("SMS"))).containsExactly(second);
        assertThat(byChannel.get("LETTER").getString("recipient")).isEqualTo("Customer " + customer);
        assertThat(invoicesOf(byChannel.get("LETTER"))).containsExactly(third);
        assertThat(db.rows("SELECT invoice_id, step_number FROM dunning_action WHERE run_id = $1 AND customer_id = $2",
                run, customer)).extracting(row -> row.getUUID(0) + ":" + row.getInteger(1))
                .containsExactlyInAnyOrder(first + ":1", second + ":2", third + ":3");
    }

    @Test
    void aStepsFeeIsChargedOnceWithTheMessageThatStatesIt() {
        UUID feePolicy = UUID.fromString(given().contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                        {"name": "fees %s", "currency": "EUR", "steps": [
                          {"offsetDays": 1, "channels": [{"channel": "LETTER", "templateKey": "reminder-1"}],
                           "fee": {"amount": "5.00"}}]}""".formatted(UUID.randomUUID()))
                .post("/dunning-policies").then().statusCode(201).extract().path("id"));
        // registered without an address: the default jurisdiction (EU: 40.00 EUR compensation once per invoice)
        UUID customer = UUID.randomUUID();
        events.customerRegistered(customer, "Fee Co " + customer);
        given().contentType("application/json").body("{\"policyId\": \"" + feePolicy + "\"}")
                .put("/customers/" + customer + "/dunning-policy").then().statusCode(200);
        UUID invoice = invoice(customer, "100.00", DUE);
        UUID feeInvoice = UUID.randomUUID();
        events.invoiceIssued(UUID.randomUUID(), customer, feeInvoice, "40.00", DUE,
                new InvoiceIssued.LateFee(UUID.randomUUID(), UUID.randomUUID()));
        await().atMost(WAIT).until(() -> db.count("dunning_invoice", "invoice_id = $1", feeInvoice) == 1);

        assertThat(finish(start(DUE.plusDays(1)))).isEqualTo("COMPLETED");
        assertThat(finish(start(DUE.plusDays(1)))).isEqualTo("COMPLETED");

        List<Row> messages = messages(customer);
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().getString("channel")).isEqualTo("LETTER");
        assertThat(messages.getFirst().getString("recipient")).isEqualTo("Fee Co " + customer);
        assertThat(messages.getFirst().getBigDecimal("fees")).as("the step's fee and the compensation")
                .isEqualByComparingTo("45.00");
        assertThat(messages.getFirst().getBigDecimal("interest")).as("the step assesses no interest").isZero();
        assertThat(db.count("late_fee_assessment", "invoice_id = $1", invoice)).isEqualTo(1);
        assertThat(messages.getFirst().getBigDecimal("amount_due")).as("the fee invoice is reminded")
                .isEqualByComparingTo("140.00");
        assertThat(db.count("late_fee_assessment", "invoice_id = $1", feeInvoice)).as("but never charged").isZero();
        assertThat(db.count("outbox", "type = 'late-fee-assessed' AND payload->>'invoiceId' = $1", invoice.toString()))
                .as("the fee and the compensation, once").isEqualTo(2);
    }

    @Test
    void afterASkippedWeekOnlyTheMostAdvancedStepIsSent() {
        UUID customer = customer("ap@outage.example", null, null);
        UUID invoice = invoice(customer, "100.00", DUE);
        assertThat(finish(start(DUE.plusDays(1)))).isEqualTo("COMPLETED");
        // no run for two weeks (steps 2 and 3 both became due): the next run sends step 3 alone
        assertThat(finish(start(DUE.plusDays(15)))).isEqualTo("COMPLETED");

        assertThat(db.rows("SELECT step_number FROM dunning_action WHERE invoice_id = $1 ORDER BY step_number",
                invoice)).extracting(row -> row.getInteger(0)).containsExactly(1, 3);
        assertThat(messages(customer)).extracting(row -> row.getString("channel") + "/" + row.getString("template_key"))
                .containsExactlyInAnyOrder("EMAIL/reminder-1", "EMAIL/final-notice", "LETTER/final-notice");
    }

    @Test
    void twoWorkersRacingOnOneRunActionEachInvoiceStepOnce() throws Exception {
        List<UUID> customers = new ArrayList<>();
        List<UUID> invoices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID customer = customer("ap" + i + "@race.example", null, null);
            customers.add(customer);
            invoices.add(invoice(customer, "10" + i + ".00", DUE));
        }
        UUID run = start(DUE.plusDays(1));

        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<String>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                workers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        barrier.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return finish(run);
                }, pool));
            }
            for (CompletableFuture<String> done : workers) {
                assertThat(done.get()).isEqualTo("COMPLETED");
            }
        } finally {
            pool.shutdown();
        }

        for (int i = 0; i < customers.size(); i++) {
            assertThat(db.count("dunning_action", "invoice_id = $1", invoices.get(i))).isEqualTo(1);
            assertThat(messages(customers.get(i))).hasSize(1);
            assertThat(outcome(run, customers.get(i))).isEqualTo("MESSAGED");
        }
        assertThat(db.count("dunning_run_customer", "run_id = $1 AND NOT done", run)).isZero();
    }

    @Test
    void aCustomerHeldByACrashedReplicaIsSkippedMeanwhileAndTakenOverWhenItsTransactionEnds() {
        UUID held = customer("ap@crashed.example", null, null);
        UUID other = customer("ap@other.example", null, null);
        UUID heldInvoice = invoice(held, "70.00", DUE);
        invoice(other, "80.00", DUE);
        UUID run = start(DUE.plusDays(1));
        // started by hand with these two customers only, so that one of them can be locked as a replica would hold it
        db.execute("UPDATE dunning_run SET status = 'RUNNING', started_at = now() WHERE id = $1", run);
        db.execute("INSERT INTO dunning_run_customer (run_id, customer_id) VALUES ($1, $2), ($1, $3)", run, held, other);

        SqlConnection replica = db.connection();
        Transaction crashing = replica.beginAndAwait();
        try {
            replica.preparedQuery("SELECT 1 FROM dunning_run_customer WHERE run_id = $1 AND customer_id = $2 FOR UPDATE")
                    .executeAndAwait(Tuple.of(run, held));

            assertThat(work(run)).as("the held customer is left to its replica").isEqualTo("RUNNING");
            assertThat(outcome(run, other)).isEqualTo("MESSAGED");
            assertThat(messages(held)).isEmpty();
        } finally {
            crashing.rollbackAndAwait(); // the replica crashed: its transaction is gone, its lock too
            replica.closeAndAwait();
        }

        assertThat(work(run)).isEqualTo("COMPLETED");
        assertThat(outcome(run, held)).isEqualTo("MESSAGED");
        assertThat(messages(held)).hasSize(1);
        assertThat(db.count("dunning_action", "invoice_id = $1", heldInvoice)).isEqualTo(1);
    }

    @Test
    void thePreviewShowsWhatWouldGoOutAndWritesNothing() {
        UUID customer = customer("ap@preview.example", null, null);
        UUID invoice = invoice(customer, "250.00", DUE);
        long runsBefore = db.count("dunning_run", "TRUE");

        Map<String, Object> item = previewOf(customer, DUE.plusDays(8));
        assertThat(item).containsEntry("outcome", "MESSAGED").containsEntry("policyId", policy.toString());
        assertThat(item.get("messages")).asList().hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> message = ((List<Map<String, Object>>) item.get("messages")).getFirst();
        assertThat(message).containsEntry("channel", "EMAIL").containsEntry("templateKey", "reminder-2")
                .containsEntry("stepNumber", 2).containsEntry("amountDue", "250.00");
        assertThat(item.get("skipped").toString()).contains("NO_PHONE");

        assertThat(messages(customer)).isEmpty();
        assertThat(db.count("dunning_action", "invoice_id = $1", invoice)).isZero();
        assertThat(db.count("dunning_run", "TRUE")).isEqualTo(runsBefore);
    }

    @Test
    void twoSchedulersCreateTheDaysScheduledRunOnce() throws Exception {
        // a day of its own, far ahead, after the daily time
        clock.advance(Duration.ofDays(10_000 + new java.util.Random().nextInt(200_000)));
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Optional<UUID>>> schedulers = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                schedulers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        barrier.await();
                        return VertxContextSupport.subscribeAndAwait(
                                () -> Panache.withTransaction(runs::startScheduledIfDue));
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            List<Optional<UUID>> created = new ArrayList<>();
            for (CompletableFuture<Optional<UUID>> s : schedulers) {
                created.add(s.get());
            }
            assertThat(created.stream().filter(Optional::isPresent)).hasSize(1);
            assertThat(db.count("dunning_run", "as_of = $1 AND trigger = 'SCHEDULED'", runs.today())).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRunWhoseConsumersDoNotCatchUpInTimeFailsSendingNothing() {
        UUID customer = customer("ap@stuck.example", null, null);
        invoice(customer, "100.00", DUE);
        UUID run = start(DUE.plusDays(1));
        // a consumer stuck far behind: the payments group would have to commit an offset nobody wrote
        db.execute("UPDATE dunning_run SET catch_up_marks = $2 WHERE id = $1", run, """
                [{"channel": "payments-events", "topic": "ar.payments.events", "groupId": "dunning.payments-events",
                  "endOffsets": {"0": 1000000000}, "takenAt": "2026-12-02T06:00:00Z"}]""");
        assertThat(work(run)).isEqualTo("WAITING_FOR_CATCH_UP");

        clock.advance(Duration.ofMinutes(11));
        assertThat(work(run)).isEqualTo("FAILED");
        JsonPath failed = given().get("/dunning-runs/" + run).then().statusCode(200).extract().jsonPath();
        assertThat(failed.getString("failureReason")).contains("payments-events");
        assertThat(failed.getLong("counts.customers")).isZero();
        assertThat(messages(customer)).isEmpty();
    }

    @Test
    void aPromiseToPayHoldsItsInvoiceUntilItsGraceEndsAndTheRunThenSendsTheStepReached() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        UUID customer = customer("ap@promise.example", null, null);
        UUID promised = invoice(customer, "500.00", today.minusDays(1));
        UUID other = invoice(customer, "70.00", today.minusDays(1));
        JsonPath promise = given().contentType("application/json").header("Idempotency-Key", "ptp-" + promised)
                .body("{\"amount\": \"500.00\", \"currency\": \"EUR\", \"promisedDate\": \"" + today.plusDays(2)
                        + "\", \"invoiceIds\": [\"" + promised + "\"]}")
                .post("/customers/" + customer + "/promises-to-pay").then().statusCode(201).extract().jsonPath();
        assertThat(promise.getString("holdUntil")).as("promised date + 3 days' grace")
                .isEqualTo(today.plusDays(5).toString());
        List<Map<String, Object>> holds = given().queryParam("asOf", today.toString())
                .get("/customers/" + customer + "/dunning-state").then().statusCode(200).extract().jsonPath()
                .getList("holds");
        assertThat(holds).as("the collector sees the hold the run obeys").singleElement()
                .satisfies(hold -> assertThat(hold).containsEntry("kind", "PROMISE_TO_PAY")
                        .containsEntry("invoiceId", promised.toString())
                        .containsEntry("until", today.plusDays(5).toString())
                        .containsEntry("reference", promise.getString("id")));

        assertThat(finish(start(today))).isEqualTo("COMPLETED");
        List<Row> first = messages(customer);
        assertThat(first).as("only the invoice without a promise is reminded").hasSize(1);
        assertThat(invoicesOf(first.getFirst())).containsExactly(other);
        assertThat(db.count("dunning_action", "invoice_id = $1", promised)).isZero();

        // still held on the last day of grace
        assertThat(finish(start(today.plusDays(5)))).isEqualTo("COMPLETED");
        assertThat(db.count("dunning_action", "invoice_id = $1", promised)).isZero();

        // the promise was not kept: the day after its grace the run sends the step reached (7 days late: step 2)
        assertThat(finish(start(today.plusDays(6)))).isEqualTo("COMPLETED");
        List<Row> after = db.rows("SELECT m.template_key FROM dunning_message m JOIN dunning_message_invoice i"
                + " ON i.message_id = m.id WHERE i.invoice_id = $1", promised);
        assertThat(after).extracting(row -> row.getString(0)).containsExactly("reminder-2");
    }

    @Test
    void anEscalationStepHandsTheInvoicesOverAndNoLaterStepRemindsThemUntilRecalled() {
        UUID escalating = UUID.fromString(given().contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                        {"name": "escalating %s", "currency": "EUR", "steps": [
                          {"offsetDays": 1, "channels": [{"channel": "EMAIL", "templateKey": "reminder-1"}],
                           "escalation": "AGENCY"},
                          {"offsetDays": 20, "channels": [{"channel": "EMAIL", "templateKey": "final-notice"}]}]}"""
                        .formatted(UUID.randomUUID()))
                .post("/dunning-policies").then().statusCode(201).extract().path("id"));
        UUID customer = customer("ap@agency.example", null, null);
        given().contentType("application/json").body("{\"policyId\": \"" + escalating + "\"}")
                .put("/customers/" + customer + "/dunning-policy").then().statusCode(200);
        UUID invoice = invoice(customer, "250.00", DUE);

        assertThat(finish(start(DUE.plusDays(1)))).isEqualTo("COMPLETED");
        List<Row> escalations = db.rows("SELECT id FROM dunning_escalation WHERE customer_id = $1", customer);
        assertThat(escalations).hasSize(1);
        UUID escalation = escalations.getFirst().getUUID("id");
        assertThat(db.count("dunning_escalation_invoice", "escalation_id = $1 AND invoice_id = $2", escalation,
                invoice)).isEqualTo(1);
        assertThat(db.count("outbox", "type = 'account-escalated' AND aggregateid = $1", escalation.toString()))
                .isEqualTo(1);

        // step 2 is due, but the invoice is with the agency
        assertThat(finish(start(DUE.plusDays(21)))).isEqualTo("COMPLETED");
        assertThat(db.count("dunning_action", "invoice_id = $1", invoice)).isEqualTo(1);

        String etag = given().get("/escalations/" + escalation).then().statusCode(200).extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag).body("{\"reason\": \"agency returned it\"}")
                .post("/escalations/" + escalation + "/recall").then().statusCode(200);
        assertThat(finish(start(DUE.plusDays(21)))).isEqualTo("COMPLETED");
        assertThat(db.rows("SELECT step_number FROM dunning_action WHERE invoice_id = $1 ORDER BY step_number", invoice))
                .extracting(row -> row.getInteger(0)).as("recalled: the step reached is sent").containsExactly(1, 2);
    }

    // --- helpers ---

    /** A customer with the test's policy, known to the read model (customer-updated applied). */
    private UUID customer(String email, String phone, DoNotDun doNotDun) {
        UUID customer = UUID.randomUUID();
        events.customerUpdated(customer, "Customer " + customer, "run-" + UUID.randomUUID(), "en", email,
                phone == null ? List.of() : List.of(new Contact("Greta", null, phone, true)), doNotDun);
        given().contentType("application/json").body("{\"policyId\": \"" + policy + "\"}")
                .put("/customers/" + customer + "/dunning-policy").then().statusCode(200);
        await().atMost(WAIT).until(() -> db.count("dunning_customer", "customer_id = $1 AND legal_name IS NOT NULL",
                customer) == 1);
        return customer;
    }

    private UUID invoice(UUID customer, String total, LocalDate due) {
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, total, due);
        await().atMost(WAIT).until(() -> db.count("dunning_invoice", "invoice_id = $1", invoice) == 1);
        return invoice;
    }

    private UUID start(LocalDate asOf) {
        return UUID.fromString(given().contentType("application/json").body("{\"asOf\": \"" + asOf + "\"}")
                .post("/dunning-runs").then().statusCode(202).extract().path("id"));
    }

    /** Works the run until it is COMPLETED or FAILED (it waits for the consumers first). */
    private String finish(UUID run) {
        AtomicReference<String> status = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            status.set(work(run));
            return status.get().equals("COMPLETED") || status.get().equals("FAILED");
        });
        return status.get();
    }

    private String work(UUID run) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> worker.work(run)).name();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Row> messages(UUID customer) {
        return db.rows("SELECT * FROM dunning_message WHERE customer_id = $1 ORDER BY created_at, channel", customer);
    }

    private List<UUID> invoicesOf(Row message) {
        return db.rows("SELECT invoice_id FROM dunning_message_invoice WHERE message_id = $1", message.getUUID("id"))
                .stream().map(row -> row.getUUID(0)).toList();
    }

    private String outcome(UUID run, UUID customer) {
        return db.rows("SELECT outcome FROM dunning_run_customer WHERE run_id = $1 AND customer_id = $2", run,
                customer).getFirst().getString(0);
    }

    /** The customer's entry in the preview of {@code asOf}, paging through the candidates. */
    private Map<String, Object> previewOf(UUID customer, LocalDate asOf) {
        String cursor = null;
        do {
            var request = given().queryParam("asOf", asOf.toString()).queryParam("limit", 100);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/dunning-runs/preview").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (customer.toString().equals(item.get("customerId"))) {
                    return item;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        throw new AssertionError("customer " + customer + " is not in the preview of " + asOf);
    }

}
