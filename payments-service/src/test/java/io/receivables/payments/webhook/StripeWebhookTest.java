package io.receivables.payments.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
        assertThat(db.outboxRowFor(paymentId, "payment-reversed").getString("payload")).contains("CHARGEBACK");
        assertThat(deliver(payload("charge.dispute.created", run, invoice, customer)).then().statusCode(200)
                .extract().jsonPath().getBoolean("duplicate")).isTrue();
        assertThat(db.count("outbox", "aggregateid = $1 AND type = 'payment-reversed'", paymentId)).isEqualTo(1);
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
                .replaceFirst("\"id\": \"evt_[A-Za-z0-9]+\"", "\"id\": \"evt_" + type.replace('.', '_') + run + "\"");
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String run() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36);
    }
}
