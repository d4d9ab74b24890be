package io.receivables.payments.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.local.testing.LocalInfraTestResource;
import io.receivables.payments.InvoicingEvents;
import io.receivables.payments.PaymentsDatabase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * POST /webhooks/stripe without any bearer token, signed as Stripe signs (with this profile's test-only secret): a
 * redelivery records nothing twice, a bad or stale signature writes nothing, a chargeback reverses the payment. Each
 * test uses event, PaymentIntent and charge ids of its own (random).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class StripeWebhookTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "receivables.payments.stripe.webhook-secret")
    String secret;

    @Inject
    Clock clock;

    @Inject
    PaymentsDatabase db;

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
    }

    @Test
    void aPaymentDeliveredTwiceIsRecordedOnceAndAChargebackReversesIt() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.customerRegistered(customer, "Hooli", "EUR");
        events.invoiceIssued(customer, invoice, "S" + run(), "EUR", "1190.00", LocalDate.of(2026, 2, 2), null);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.openAmount(invoice) != null);
        String run = run();
        byte[] succeeded = payload("payment_intent.succeeded", run, invoice, customer);

        JsonPath first = deliver(succeeded).then().statusCode(200).extract().jsonPath();
        JsonPath again = deliver(succeeded).then().statusCode(200).extract().jsonPath();

        assertThat(first.getBoolean("duplicate")).isFalse();
        assertThat(again.getBoolean("duplicate")).isTrue();
        String paymentId = first.getString("paymentId");
        assertThat(db.count("payment", "source = 'STRIPE' AND external_reference = $1", "pi_" + run)).isEqualTo(1);
        assertThat(db.openAmount(invoice)).as("metadata.invoice_id allocated").isEqualByComparingTo("0");
        assertThat(db.outboxRows(paymentId)).as("one payment-received").isEqualTo(1);

        // a dispute names the PaymentIntent and the charge; needs_response: Stripe took the funds back
        JsonPath dispute = deliver(payload("charge.dispute.created", run, invoice, customer)).then().statusCode(200)
                .extract().jsonPath();

        assertThat(dispute.getString("paymentId")).isEqualTo(paymentId);
        assertThat(dispute.getString("outcome")).contains("reversed");
        assertThat(db.openAmount(invoice)).as("open again").isEqualByComparingTo("1190.00");
        String reversal = db.outboxRowFor(paymentId, "payment-reversed").getString("payload");
        assertThat(reversal).contains("CHARGEBACK");
        // Stripe's evidence_details.due_by, for the chargeback's dispute to be resolved by
        assertThat(reversal).contains("\"evidenceDueAt\": \"2026-03-17T23:59:59Z\"");
        assertThat(deliver(payload("charge.dispute.created", run, invoice, customer)).then().statusCode(200)
                .extract().jsonPath().getBoolean("duplicate")).isTrue();
        assertThat(db.count("outbox", "aggregateid = $1 AND type = 'payment-reversed'", paymentId)).isEqualTo(1);
    }

    @Test
    void aRefundIsAppliedByItsCumulativeAmountFromUnappliedCashThenFromAllocations() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.customerRegistered(customer, "Initech", "EUR");
        events.invoiceIssued(customer, invoice, "R" + run(), "EUR", "1000.00", LocalDate.of(2026, 2, 2), null);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.openAmount(invoice) != null);
        String run = run();
        // 1190.00 received for an invoice of 1000.00: 1000.00 allocated, 190.00 unapplied cash
        String paymentId = deliver(payload("payment_intent.succeeded", run, invoice, customer)).then().statusCode(200)
                .extract().jsonPath().getString("paymentId");
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("0");
        byte[] partial = payload("charge.refunded", run, invoice, customer);

        // 200.00 refunded: the 190.00 of unapplied cash, then 10.00 taken back from the allocation
        JsonPath first = deliver(partial).then().statusCode(200).extract().jsonPath();

        assertThat(first.getString("paymentId")).isEqualTo(paymentId);
        assertThat(first.getString("outcome")).as(first.prettify()).contains("200.00 EUR refunded", "10.00 of it");
        assertThat(db.openAmount(invoice)).as("reopened by what went back beyond the unapplied cash")
                .isEqualByComparingTo("10.00");
        assertThat(payment(paymentId, "unallocated_amount")).isEqualByComparingTo("0");
        assertThat(payment(paymentId, "refunded_amount")).isEqualByComparingTo("200.00");
        JsonPath unallocated = outbox(paymentId, "payment-unallocated").getFirst();
        assertThat(unallocated.getString("allocations[0].invoiceId")).isEqualTo(invoice.toString());
        assertThat(unallocated.getString("allocations[0].amount")).isEqualTo("10.00");
        JsonPath refund = refunds(paymentId).getFirst();
        assertThat(refund.getString("amount")).isEqualTo("200.00");
        assertThat(refund.getString("method")).isEqualTo("CARD");
        assertThat(refund.getString("sources[0].paymentId")).isEqualTo(paymentId);
        assertThat(refund.getString("note")).contains("ch_" + run);
        assertThat(refund.getString("actor.id")).isEqualTo("system:stripe-webhook");

        // redelivered: nothing
        assertThat(deliver(partial).then().statusCode(200).extract().jsonPath().getBoolean("duplicate")).isTrue();

        // refunded in full: amount_refunded is the charge's total, 1190.00, so 990.00 more
        byte[] full = refundedEvent(run, "full", invoice, customer, 119000, true);
        JsonPath second = deliver(full).then().statusCode(200).extract().jsonPath();

        assertThat(second.getString("outcome")).as(second.prettify()).contains("990.00 EUR refunded")
                .as("the difference to the 200.00 before, not capped").doesNotContain("asked");
        assertThat(db.openAmount(invoice)).as("open in full again").isEqualByComparingTo("1000.00");
        assertThat(payment(paymentId, "refunded_amount")).isEqualByComparingTo("1190.00");
        assertThat(outbox(paymentId, "payment-unallocated")).hasSize(2)
                .anySatisfy(event -> assertThat(event.getString("allocations[0].amount")).isEqualTo("990.00"));
        assertThat(refunds(paymentId)).extracting(r -> r.getString("amount")).containsExactlyInAnyOrder("200.00",
                "990.00");

        // a late event with an older total, under an event id of its own, and a redelivery: nothing new
        JsonPath late = deliver(refundedEvent(run, "late", invoice, customer, 20000, false)).then().statusCode(200)
                .extract().jsonPath();
        assertThat(late.getString("outcome")).contains("nothing new");
        assertThat(deliver(full).then().statusCode(200).extract().jsonPath().getBoolean("duplicate")).isTrue();
        // sentinel: an event after them all is applied, so everything before it was processed
        JsonPath sentinel = deliver(refundedEvent(run, "sentinel", invoice, customer, 119000, true)).then()
                .statusCode(200).extract().jsonPath();
        assertThat(sentinel.getBoolean("duplicate")).isFalse();
        assertThat(sentinel.getString("outcome")).contains("nothing new");

        assertThat(refunds(paymentId)).hasSize(2);
        assertThat(outbox(paymentId, "payment-unallocated")).hasSize(2);
        assertThat(db.count("refund", "external_reference = $1", "ch_" + run)).isEqualTo(2);
        assertThat(payment(paymentId, "refunded_amount")).as("never more than the payment")
                .isEqualByComparingTo("1190.00");
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("1000.00");
    }

    @Test
    void aWonDisputeReceivesTheFundsAgainAndPaysTheReopenedInvoice() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.customerRegistered(customer, "Umbrella", "EUR");
        events.invoiceIssued(customer, invoice, "W" + run(), "EUR", "1190.00", LocalDate.of(2026, 2, 2), null);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.openAmount(invoice) != null);
        String run = run();
        String paymentId = deliver(payload("payment_intent.succeeded", run, invoice, customer)).then().statusCode(200)
                .extract().jsonPath().getString("paymentId");
        deliver(payload("charge.dispute.created", run, invoice, customer)).then().statusCode(200);
        assertThat(db.openAmount(invoice)).as("the chargeback reopened it").isEqualByComparingTo("1190.00");
        byte[] won = disputeClosed(run, "won", "won");

        JsonPath closed = deliver(won).then().statusCode(200).extract().jsonPath();

        assertThat(closed.getString("outcome")).as(closed.prettify()).contains("funds received again", "APPLIED");
        String restored = closed.getString("paymentId");
        assertThat(restored).isNotEqualTo(paymentId);
        assertThat(db.openAmount(invoice)).as("paid again").isEqualByComparingTo("0");
        JsonPath received = outbox(restored, "payment-received").getFirst();
        assertThat(received.getString("customerId")).isEqualTo(customer.toString());
        assertThat(received.getString("amount")).isEqualTo("1190.00");
        assertThat(received.getString("allocations[0].invoiceId")).isEqualTo(invoice.toString());
        assertThat(received.getString("allocations[0].amount")).isEqualTo("1190.00");

        // redelivered, and the same dispute under another event id: one payment
        assertThat(deliver(won).then().statusCode(200).extract().jsonPath().getBoolean("duplicate")).isTrue();
        JsonPath again = deliver(disputeClosed(run, "won-again", "won")).then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("outcome")).contains("received again before");
        assertThat(again.getString("paymentId")).isEqualTo(restored);
        assertThat(db.count("payment", "source = 'STRIPE' AND external_reference = $1", "dp_" + run)).isEqualTo(1);
        assertThat(db.outboxRows(restored)).isEqualTo(1);
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("0");
    }

    @Test
    void aLostDisputeLeavesTheReversalAndAnInquiryClosedChangesNothing() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.customerRegistered(customer, "Soylent", "EUR");
        events.invoiceIssued(customer, invoice, "L" + run(), "EUR", "1190.00", LocalDate.of(2026, 2, 2), null);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.openAmount(invoice) != null);
        String run = run();
        deliver(payload("payment_intent.succeeded", run, invoice, customer)).then().statusCode(200);
        deliver(payload("charge.dispute.created", run, invoice, customer)).then().statusCode(200);
        long payments = db.count("payment");

        assertThat(deliver(disputeClosed(run, "lost", "lost")).then().statusCode(200).extract().jsonPath()
                .getString("outcome")).contains("reversal stands");
        assertThat(deliver(disputeClosed(run, "warning", "warning_closed")).then().statusCode(200).extract()
                .jsonPath().getString("outcome")).contains("nothing done");

        assertThat(db.count("payment")).isEqualTo(payments);
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("1190.00");
    }

    @Test
    void aBadStaleOrMissingSignatureIsRefusedAndWritesNothing() {
        String run = run();
        byte[] body = payload("payment_intent.succeeded", run, UUID.randomUUID(), UUID.randomUUID());
        long now = clock.instant().getEpochSecond();
        long payments = db.count("payment");
        long processed = db.count("processed_webhook");

        for (String header : new String[] { "t=" + now + ",v1=" + StripeSignatureVerifier.sign(body, "whsec_other", now),
                "t=" + (now - 600) + ",v1=" + StripeSignatureVerifier.sign(body, secret, now - 600), null }) {
            var request = given().noFilters().contentType("application/json").body(body);
            if (header != null) {
                request.header(StripeSignatureVerifier.HEADER, header);
            }
            Response response = request.post("/webhooks/stripe");
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getList("errors.field")).as(response.asString())
                    .contains(StripeSignatureVerifier.HEADER);
        }
        // the body altered after signing, by one byte
        byte[] altered = body.clone();
        String signature = "t=" + now + ",v1=" + StripeSignatureVerifier.sign(body, secret, now);
        altered[altered.length - 2] = (byte) ' ';
        given().noFilters().contentType("application/json").header(StripeSignatureVerifier.HEADER, signature)
                .body(altered).post("/webhooks/stripe").then().statusCode(400);

        assertThat(db.count("payment")).isEqualTo(payments);
        assertThat(db.count("processed_webhook")).isEqualTo(processed);
    }

    private Response deliver(byte[] body) {
        long now = clock.instant().getEpochSecond();
        return given().noFilters().contentType("application/json")
                .header(StripeSignatureVerifier.HEADER, "t=" + now + ",v1=" + StripeSignatureVerifier.sign(body,
                        secret, now))
                .body(body).post("/webhooks/stripe");
    }

    /** The stored Stripe fixture with ids of this test, and our invoice and customer in the metadata. */
    private static byte[] payload(String type, String run, UUID invoice, UUID customer) {
        String json = new String(StripePayloads.bytes(type), StandardCharsets.UTF_8)
                .replace("pi_3QxT2nLkdIwHu7ix0wSfTqEb", "pi_" + run)
                .replace("ch_3QxT2nLkdIwHu7ix0Yz9Hd1Q", "ch_" + run)
                .replace("7d0e2b8c-1f3a-4a57-9a0e-3c2b1d4e5f60", invoice.toString())
                .replace("0f6b1c9e-2d4a-4e7b-8c3d-5a6b7c8d9e01", customer.toString())
                .replace("dp_1QyA7cLkdIwHu7ixqV1nP0aL", "dp_" + run)
                .replaceFirst("\"id\": \"evt_[A-Za-z0-9]+\"", "\"id\": \"evt_" + type.replace('.', '_') + run + "\"");
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** charge.refunded with {@code refundedMinor} refunded on the charge in total, under an event id of its own. */
    private static byte[] refundedEvent(String run, String suffix, UUID invoice, UUID customer, long refundedMinor,
            boolean refunded) {
        String json = new String(payload("charge.refunded", run, invoice, customer), StandardCharsets.UTF_8)
                .replace("\"amount_refunded\": 20000", "\"amount_refunded\": " + refundedMinor)
                .replace("\"refunded\": false", "\"refunded\": " + refunded)
                .replaceFirst("\"id\": \"evt_([A-Za-z0-9_]+)\"", "\"id\": \"evt_$1" + suffix + "\"");
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** charge.dispute.closed with {@code status}, under an event id of its own. */
    private static byte[] disputeClosed(String run, String suffix, String status) {
        String json = new String(payload("charge.dispute.closed", run, UUID.randomUUID(), UUID.randomUUID()),
                StandardCharsets.UTF_8).replace("\"status\": \"lost\"", "\"status\": \"" + status + "\"")
                .replaceFirst("\"id\": \"evt_([A-Za-z0-9_]+)\"", "\"id\": \"evt_$1" + suffix + "\"");
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private java.math.BigDecimal payment(String paymentId, String column) {
        return new java.math.BigDecimal(db.value("SELECT " + column + "::text FROM payment WHERE id = $1::uuid",
                paymentId));
    }

    /** The payloads of the payment's outbox rows of {@code type}, oldest first. */
    private List<JsonPath> outbox(String paymentId, String type) {
        return db.payloads("aggregateid = $1 AND type = $2", paymentId, type).stream().map(JsonPath::from).toList();
    }

    /** The refund-issued events that take from the payment, oldest first. */
    private List<JsonPath> refunds(String paymentId) {
        return db.payloads("type = 'refund-issued' AND payload->'sources'->0->>'paymentId' = $1", paymentId).stream()
                .map(JsonPath::from).toList();
    }

    private static String run() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36);
    }
}
