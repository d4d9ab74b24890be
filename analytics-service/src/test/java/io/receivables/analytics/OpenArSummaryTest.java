package io.receivables.analytics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.local.testing.LocalInfraTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Drives the consumer the way production does: CloudEvents records on ar.invoicing.events, read by the real Kafka
 * client from a real broker, applied to real PostgreSQL. Each test uses its own currency so that tests stay
 * independent while sharing one application.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class OpenArSummaryTest {

    static final String TOPIC = "ar.invoicing.events";
    static final String DLQ = "ar.analytics.dlq";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    CloudEventProducer producer;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    static String invoiceIssued(UUID invoiceId, UUID customerId, String currency, String total) {
        return """
                {"invoiceId": "%s", "invoiceNumber": "INV-2026-%06d", "customerId": "%s", "currency": "%s",
                 "issueDate": "2026-11-02", "dueDate": "2026-12-02", "paymentTerms": {"type": "NET", "days": 30},
                 "subtotal": "%s", "taxTotal": "0", "total": "%s",
                 "lines": [{"lineNumber": 1, "description": "Work", "quantity": "1", "unitPrice": "%s", "taxRate": "0",
                            "netAmount": "%s", "taxAmount": "0"}],
                 "issuedAt": "2026-11-02T09:00:00Z"}"""
                .formatted(invoiceId, Math.abs(invoiceId.hashCode() % 1_000_000), customerId, currency, total, total,
                        total, total, total);
    }

    void publishInvoice(UUID eventId, UUID customerId, String currency, String total) {
        UUID invoiceId = UUID.randomUUID();
        producer.send(TOPIC, customerId.toString(),
                CloudEventProducer.headers(eventId, "invoice-issued", invoiceId.toString()),
                invoiceIssued(invoiceId, customerId, currency, total));
    }

    /** The summary entry for one currency: {openCount, openAmount}, or null when it has none. */
    static Map<String, Object> summaryFor(String currency) {
        List<Map<String, Object>> currencies = given().when().get("/ar/summary").then().statusCode(200).extract()
                .path("currencies");
        return currencies.stream().filter(c -> currency.equals(c.get("currency"))).findFirst().orElse(null);
    }

    static void awaitSummary(String currency, int count, String amount) {
        awaitSummary(currency, count, amount, Duration.ofSeconds(30));
    }

    static void awaitSummary(String currency, int count, String amount, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Map<String, Object> entry = summaryFor(currency);
            assertThat(entry).as("summary for " + currency).isNotNull();
            assertThat(entry.get("openCount")).isEqualTo(count);
            assertThat(entry.get("openAmount")).isEqualTo(amount);
        });
    }

    @Test
    void showsOpenArPerCurrencyFromInvoiceIssuedEvents() {
        UUID customer = UUID.randomUUID();
        publishInvoice(UUID.randomUUID(), customer, "CHF", "120.50");
        publishInvoice(UUID.randomUUID(), UUID.randomUUID(), "CHF", "79.50");
        publishInvoice(UUID.randomUUID(), customer, "SEK", "1000");

        awaitSummary("CHF", 2, "200.00");
        awaitSummary("SEK", 1, "1000.00");
    }

    @Test
    void appliesAnEventDeliveredTwiceOnlyOnce() {
        UUID customer = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        UUID invoiceId = UUID.randomUUID();
        var headers = CloudEventProducer.headers(eventId, "invoice-issued", invoiceId.toString());
        String body = invoiceIssued(invoiceId, customer, "NOK", "10.00");
        producer.send(TOPIC, customer.toString(), headers, body);
        producer.send(TOPIC, customer.toString(), headers, body);
        // a later event of the same customer (same partition): once it is applied, both copies have been seen
        publishInvoice(UUID.randomUUID(), customer, "NOK", "5.00");

        awaitSummary("NOK", 2, "15.00");
        long applied = pool.preparedQuery("SELECT count(*) FROM inbox WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getLong(0);
        assertThat(applied).isEqualTo(1);
    }

    @Test
    void deadLettersAMalformedEventWithItsReasonAndKeepsConsumingThePartition() {
        UUID customer = UUID.randomUUID();
        UUID floatMoney = UUID.randomUUID();
        UUID invoiceId = UUID.randomUUID();
        producer.send(TOPIC, customer.toString(),
                CloudEventProducer.headers(floatMoney, "invoice-issued", invoiceId.toString()),
                invoiceIssued(invoiceId, customer, "DKK", "1").replace("\"total\": \"1\"", "\"total\": 1.5"));
        Map<String, String> noId = new HashMap<>(CloudEventProducer.headers(UUID.randomUUID(), "invoice-issued", "x"));
        noId.remove("ce_id");
        producer.send(TOPIC, customer.toString(), noId, invoiceIssued(UUID.randomUUID(), customer, "DKK", "2"));
        publishInvoice(UUID.randomUUID(), customer, "DKK", "3.00");

        awaitSummary("DKK", 1, "3.00");
        Map<String, String> reasons = deadLetterReasons(2);
        assertThat(reasons.values()).anySatisfy(reason -> assertThat(reason).contains("/total"));
        assertThat(reasons.values()).anySatisfy(reason -> assertThat(reason).contains("ce_id"));
    }

    @Test
    void voidedAndWrittenOffInvoicesLeaveOpenAr() {
        UUID customer = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        UUID writtenOff = UUID.randomUUID();
        producer.send(TOPIC, customer.toString(), CloudEventProducer.headers(UUID.randomUUID(), "invoice-issued",
                voided.toString()), invoiceIssued(voided, customer, "HUF", "1000"));
        producer.send(TOPIC, customer.toString(), CloudEventProducer.headers(UUID.randomUUID(), "invoice-issued",
                writtenOff.toString()), invoiceIssued(writtenOff, customer, "HUF", "300"));
        publishInvoice(UUID.randomUUID(), customer, "HUF", "50");
        awaitSummary("HUF", 3, "1350.00");

        producer.send(TOPIC, customer.toString(), CloudEventProducer.headers(UUID.randomUUID(), "invoice-voided",
                voided.toString()),
                """
                        {"invoiceId": "%s", "invoiceNumber": "INV-2026-000101", "customerId": "%s", "currency": "HUF",
                         "total": "1000", "reasonCode": "DUPLICATE", "voidedAt": "2026-11-03T10:00:00Z"}"""
                        .formatted(voided, customer));
        producer.send(TOPIC, customer.toString(), CloudEventProducer.headers(UUID.randomUUID(), "invoice-written-off",
                writtenOff.toString()), """
                        {"invoiceId": "%s", "invoiceNumber": "INV-2026-000102", "customerId": "%s", "currency": "HUF",
                         "amount": "300", "reasonCode": "UNCOLLECTIBLE", "writeOffDate": "2026-11-03",
                         "writtenOffAt": "2026-11-03T10:00:00Z"}""".formatted(writtenOff, customer));

        awaitSummary("HUF", 1, "50.00");
    }

    @Test
    void creditNotesLowerTheirInvoiceButNeverBelowZero() {
        UUID customer = UUID.randomUUID();
        UUID partly = UUID.randomUUID();
        UUID overCredited = UUID.randomUUID();
        producer.send(TOPIC, customer.toString(), CloudEventProducer.headers(UUID.randomUUID(), "invoice-issued",
                partly.toString()), invoiceIssued(partly, customer, "CZK", "1000"));
        producer.send(TOPIC, customer.toString(), CloudEventProducer.headers(UUID.randomUUID(), "invoice-issued",
                overCredited.toString()), invoiceIssued(overCredited, customer, "CZK", "100"));
        awaitSummary("CZK", 2, "1100.00");

        producer.send(TOPIC, customer.toString(), CloudEventProducer.headers(UUID.randomUUID(), "credit-note-issued",
                UUID.randomUUID().toString()), creditNote(customer, partly, "250.00"));
        producer.send(TOPIC, customer.toString(), CloudEventProducer.headers(UUID.randomUUID(), "credit-note-issued",
                UUID.randomUUID().toString()), creditNote(customer, overCredited, "60.00"));
        producer.send(TOPIC, customer.toString(), CloudEventProducer.headers(UUID.randomUUID(), "credit-note-issued",
                UUID.randomUUID().toString()), creditNote(customer, overCredited, "60.00"));

        awaitSummary("CZK", 1, "750.00");
    }

    private static String creditNote(UUID customer, UUID invoiceId, String total) {
        return """
                {"creditNoteId": "%s", "creditNoteNumber": "CN-2026-%06d", "customerId": "%s", "invoiceId": "%s",
                 "currency": "CZK", "issueDate": "2026-11-03", "reasonCode": "PRICING_ERROR", "subtotal": "%s",
                 "taxTotal": "0.00", "total": "%s", "issuedAt": "2026-11-03T10:00:00Z"}"""
                .formatted(UUID.randomUUID(), System.nanoTime() % 1_000_000, customer, invoiceId, total, total);
    }

    @Test
    void acknowledgesEventTypesItDoesNotUseWithoutChangingTheSummary() {
        UUID customer = UUID.randomUUID();
        producer.send(TOPIC, customer.toString(),
                CloudEventProducer.headers(UUID.randomUUID(), "customer-registered", customer.toString()),
                "{\"anything\": true}");
        publishInvoice(UUID.randomUUID(), customer, "PLN", "7.00");
        awaitSummary("PLN", 1, "7.00");
    }

    /** Reads the dead-letter topic from the start; returns the reason header of the records for this test's keys. */
    Map<String, String> deadLetterReasons(int atLeast) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, String> reasons = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(DLQ));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    var reason = record.headers().lastHeader("dead-letter-reason");
                    reasons.put(record.topic() + "/" + record.partition() + "/" + record.offset(),
                            reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8));
                }
                return reasons.size() >= atLeast;
            });
        }
        return reasons;
    }
}
