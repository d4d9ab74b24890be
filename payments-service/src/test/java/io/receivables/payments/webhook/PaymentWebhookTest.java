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
 * POST /webhooks/payments without any bearer token, signed in the test as the Standard Webhooks specification says
 * (with this profile's test-only secret): a payment received pays the invoice of its metadata, a redelivery or the same
 * payment under another webhook-id records nothing twice, a reversal reopens the invoice; a bad or stale signature and
 * a bad payload are 400s naming the header or field, and write nothing.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PaymentWebhookTest {

    static final String RECEIVED = """
            {"type": "payment.received", "timestamp": "2026-11-20T10:00:00Z",
             "data": {"id": "%s", "amount": "%s", "currency": "EUR", "valueDate": "2026-11-20", "method": "CARD",
                      "payerName": "Globex Ltd", "remittanceText": "thanks",
                      "metadata": {"customerId": "%s", "invoiceId": "%s"}}}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "receivables.payments.webhook.secret")
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
    void aPaymentReceivedPaysTheInvoiceOnceAndAReversalReopensIt() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.customerRegistered(customer, "Globex", "EUR");
        events.invoiceIssued(customer, invoice, "G" + run(), "EUR", "250.00", LocalDate.of(2026, 11, 2), null);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.openAmount(invoice) != null);
        String payment = "pay_" + run();
        byte[] body = RECEIVED.formatted(payment, "250.00", customer, invoice).getBytes(StandardCharsets.UTF_8);
        String webhookId = "msg_" + run();

        JsonPath first = deliver(webhookId, body).then().statusCode(200).extract().jsonPath();

        assertThat(first.getBoolean("duplicate")).isFalse();
        assertThat(first.getString("webhookId")).isEqualTo(webhookId);
        assertThat(first.getString("outcome")).as(first.prettify()).contains("APPLIED");
        String paymentId = first.getString("paymentId");
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("0");
        JsonPath received = JsonPath.from(db.outboxRowFor(paymentId, "payment-received").getString("payload"));
        assertThat(received.getString("amount")).isEqualTo("250.00");
        assertThat(received.getString("method")).isEqualTo("CARD");
        assertThat(received.getString("allocations[0].invoiceId")).isEqualTo(invoice.toString());
        assertThat(received.getString("actor.id")).isEqualTo("system:payments-webhook");

        // the same delivery again, and the same payment under another webhook-id: one payment, one event
        assertThat(deliver(webhookId, body).then().statusCode(200).extract().jsonPath().getBoolean("duplicate"))
                .isTrue();
        JsonPath other = deliver("msg_" + run(), body).then().statusCode(200).extract().jsonPath();
        assertThat(other.getBoolean("duplicate")).isFalse();
        assertThat(other.getString("outcome")).contains("recorded before");
        assertThat(other.getString("paymentId")).isEqualTo(paymentId);
        assertThat(db.count("payment", "source = 'WEBHOOK' AND external_reference = $1", payment)).isEqualTo(1);
        assertThat(db.outboxRows(paymentId)).isEqualTo(1);

        byte[] reversal = ("{\"type\": \"payment.reversed\", \"data\": {\"id\": \"" + payment
                + "\", \"reason\": \"CHARGEBACK\", \"note\": \"disputed by the cardholder\"}}")
                .getBytes(StandardCharsets.UTF_8);
        String reversalId = "msg_" + run();
        JsonPath reversed = deliver(reversalId, reversal).then().statusCode(200).extract().jsonPath();

        assertThat(reversed.getString("outcome")).as(reversed.prettify()).contains("reversed (CHARGEBACK)");
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("250.00");
        assertThat(db.outboxRowFor(paymentId, "payment-reversed").getString("payload")).contains("CHARGEBACK",
                "disputed by the cardholder");
        // redelivered: nothing, and the sentinel after it proves the service went on
        assertThat(deliver(reversalId, reversal).then().statusCode(200).extract().jsonPath().getBoolean("duplicate"))
                .isTrue();
        JsonPath sentinel = deliver("msg_" + run(), reversal).then().statusCode(200).extract().jsonPath();
        assertThat(sentinel.getString("outcome")).contains("reversed before");
        assertThat(db.count("outbox", "aggregateid = $1 AND type = 'payment-reversed'", paymentId)).isEqualTo(1);
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("250.00");
    }

    @Test
    void aBadStaleOrMissingSignatureIsRefusedNamingTheHeaderAndWritesNothing() {
        byte[] body = RECEIVED.formatted("pay_" + run(), "10.00", UUID.randomUUID(), UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        String id = "msg_" + run();
        long payments = db.count("payment");
        long processed = db.count("processed_webhook");
        String otherSecret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

        refused(id, now, StandardWebhookVerifier.sign(otherSecret, id, now, body), body, "webhook-signature");
        refused(id, now - 301, StandardWebhookVerifier.sign(secret, id, now - 301, body), body, "webhook-timestamp");
        refused(id, now + 301, StandardWebhookVerifier.sign(secret, id, now + 301, body), body, "webhook-timestamp");
        refused(id, now, StandardWebhookVerifier.sign(secret, "msg_other", now, body), body, "webhook-signature");
        refused(id, now, null, body, "webhook-signature");
        refused(null, now, StandardWebhookVerifier.sign(secret, id, now, body), body, "webhook-id");
        byte[] altered = body.clone();
        altered[altered.length - 3] = (byte) ' ';
        refused(id, now, StandardWebhookVerifier.sign(secret, id, now, body), altered, "webhook-signature");

        assertThat(db.count("payment")).isEqualTo(payments);
        assertThat(db.count("processed_webhook")).isEqualTo(processed);
    }

    @Test
    void aBadPayloadIsRefusedNamingTheFieldAndWritesNothing() {
        String good = RECEIVED.formatted("pay_" + run(), "10.00", UUID.randomUUID(), UUID.randomUUID());
        long payments = db.count("payment");
        long processed = db.count("processed_webhook");
        String[][] cases = {
                { good.replace("\"10.00\"", "10.00"), "data.amount" },
                { good.replace("\"10.00\"", "\"10.001\""), "data.amount" },
                { good.replace("\"10.00\"", "\"0.00\""), "data.amount" },
                { good.replace("\"EUR\"", "\"EURO\""), "data.currency" },
                { good.replace("2026-11-20\"", "2026-02-30\""), "data.valueDate" },
                { good.replace("\"CARD\"", "\"BITCOIN\""), "data.method" },
                { good.replace("\"payerName\"", "\"payerAccount\": \"DE00 1234\", \"payerName\""), "data.payerAccount" },
                { good.replace("\"invoiceId\": \"", "\"invoiceId\": \"x"), "data.metadata.invoiceId" },
                { good.replace("\"method\"", "\"surprise\": 1, \"method\""), "data.surprise" },
                { good.replace("payment.received", "payment.refunded"), "type" },
                { good.replace("\"data\"", "\"payload\""), "payload" },
                { "{\"type\": \"payment.received\"}", "data" },
                { "{\"type\": \"payment.reversed\", \"data\": {\"id\": \"pay_1\", \"reason\": \"LOST\"}}",
                        "data.reason" },
                { "not json", "body" } };
        for (String[] c : cases) {
            byte[] body = c[0].getBytes(StandardCharsets.UTF_8);
            Response response = deliver("msg_" + run(), body);
            assertThat(response.statusCode()).as(c[1] + ": " + response.asString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getList("errors.field")).as(c[0]).containsExactly(c[1]);
        }
        assertThat(db.count("payment")).isEqualTo(payments);
        assertThat(db.count("processed_webhook")).isEqualTo(processed);
    }

    private void refused(String id, long timestamp, String signature, byte[] body, String header) {
        var request = given().noFilters().contentType("application/json").body(body);
        if (id != null) {
            request.header(StandardWebhookVerifier.ID_HEADER, id);
        }
        request.header(StandardWebhookVerifier.TIMESTAMP_HEADER, Long.toString(timestamp));
        if (signature != null) {
            request.header(StandardWebhookVerifier.SIGNATURE_HEADER, signature);
        }
        Response response = request.post("/webhooks/payments");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field")).as(response.asString()).containsExactly(header);
    }

    private Response deliver(String id, byte[] body) {
        long now = clock.instant().getEpochSecond();
        return given().noFilters().contentType("application/json")
                .header(StandardWebhookVerifier.ID_HEADER, id)
                .header(StandardWebhookVerifier.TIMESTAMP_HEADER, Long.toString(now))
                .header(StandardWebhookVerifier.SIGNATURE_HEADER, StandardWebhookVerifier.sign(secret, id, now, body))
                .body(body).post("/webhooks/payments");
    }

    private static String run() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36);
    }
}
