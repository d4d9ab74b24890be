package io.receivables.invoicing.balance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.receivables.common.testing.CloudEventProducer;
import io.receivables.common.testing.DeadLetterTopicReader;
import io.receivables.contracts.Topics;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Customers and invoices over the REST API, and payment and dispute events on their real topics, the way
 * payments-service and disputes-service publish them. Each test works on customers of its own, so what it reads (an
 * invoice, a statement) holds only its own data.
 */
final class BalanceEvents implements AutoCloseable {

    static final String DLQ = "ar.invoicing.dlq";

    private final String bootstrap;
    private final CloudEventProducer producer;

    BalanceEvents(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = new CloudEventProducer(bootstrap);
    }

    static String customer(String currency) {
        return given().contentType(ContentType.JSON).body("""
                {"legalName": "Balance customer %s", "currency": "%s", "paymentTerms": {"type": "NET", "days": 30}}"""
                .formatted(System.nanoTime(), currency))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    /** An invoice of one untaxed line, so that its total is {@code amount}; due 30 days after {@code issueDate}. */
    static String invoice(String customerId, String issueDate, String amount) {
        return given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "%s",
                 "lines": [{"description": "Service", "quantity": "1", "unitPrice": "%s", "taxRate": "0"}]}"""
                .formatted(customerId, issueDate, amount))
                .when().post("/invoices").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse get(String invoiceId) {
        return given().when().get("/invoices/" + invoiceId).then().statusCode(200);
    }

    /** Waits until the invoice shows what {@code expectation} asserts (events are applied asynchronously). */
    static void awaitInvoice(String invoiceId, Consumer<ValidatableResponse> expectation) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> expectation.accept(get(invoiceId)));
    }

    /** Allocations in order: invoice id, amount, invoice id, amount, ... */
    static Map<String, String> allocations(String... invoiceAndAmount) {
        Map<String, String> allocations = new LinkedHashMap<>();
        for (int i = 0; i < invoiceAndAmount.length; i += 2) {
            allocations.put(invoiceAndAmount[i], invoiceAndAmount[i + 1]);
        }
        return allocations;
    }

    private static String json(Map<String, String> allocations) {
        return allocations.entrySet().stream()
                .map(a -> "{\"invoiceId\": \"%s\", \"amount\": \"%s\"}".formatted(a.getKey(), a.getValue()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String paymentReceivedBody(UUID paymentId, String customerId, String currency, String amount,
            Map<String, String> allocations) {
        return """
                {"paymentId": "%s", "customerId": "%s", "currency": "%s", "amount": "%s", "valueDate": "2051-06-01",
                 "method": "BANK_TRANSFER", "allocations": %s, "unallocatedAmount": "0",
                 "receivedAt": "2051-06-01T08:00:00Z"}""".formatted(paymentId, customerId, currency, amount,
                json(allocations));
    }

    /** Publishes payment-received for {@code amount}, all of it allocated; returns the event id. */
    UUID paymentReceived(UUID paymentId, String customerId, String currency, String amount,
            Map<String, String> allocations) {
        return publish(Topics.PAYMENTS, "payment-received", customerId, paymentId,
                paymentReceivedBody(paymentId, customerId, currency, amount, allocations));
    }

    UUID paymentAllocated(UUID paymentId, String customerId, String currency, Map<String, String> allocations) {
        return publish(Topics.PAYMENTS, "payment-allocated", customerId, paymentId, """
                {"paymentId": "%s", "customerId": "%s", "currency": "%s", "allocations": %s, "unallocatedAmount": "0",
                 "allocatedAt": "2051-06-02T08:00:00Z"}""".formatted(paymentId, customerId, currency,
                json(allocations)));
    }

    UUID paymentReversed(UUID paymentId, String customerId, String currency, String amount,
            Map<String, String> reversedAllocations) {
        return publish(Topics.PAYMENTS, "payment-reversed", customerId, paymentId, """
                {"paymentId": "%s", "customerId": "%s", "currency": "%s", "amount": "%s",
                 "reasonCode": "RETURNED_BY_BANK", "reversedAllocations": %s, "reversalDate": "2051-06-03",
                 "reversedAt": "2051-06-03T08:00:00Z"}""".formatted(paymentId, customerId, currency, amount,
                json(reversedAllocations)));
    }

    UUID disputeOpened(UUID disputeId, String customerId, String invoiceId, String currency, String amount) {
        return publish(Topics.DISPUTES, "dispute-opened", customerId, disputeId, """
                {"disputeId": "%s", "customerId": "%s", "invoiceId": "%s", "currency": "%s", "disputedAmount": "%s",
                 "reasonCode": "PRICING", "openedAt": "2051-06-01T09:00:00Z"}"""
                .formatted(disputeId, customerId, invoiceId, currency, amount));
    }

    UUID disputeResolved(UUID disputeId, String customerId, String invoiceId, String currency, String amount) {
        return publish(Topics.DISPUTES, "dispute-resolved", customerId, disputeId, """
                {"disputeId": "%s", "customerId": "%s", "invoiceId": "%s", "currency": "%s", "disputedAmount": "%s",
                 "outcome": "COMPANY_FAVOUR", "creditedAmount": "0", "resolvedAt": "2051-06-05T09:00:00Z"}"""
                .formatted(disputeId, customerId, invoiceId, currency, amount));
    }

    UUID disputeReopened(UUID disputeId, String customerId, String invoiceId, String currency, String amount) {
        return publish(Topics.DISPUTES, "dispute-reopened", customerId, disputeId, """
                {"disputeId": "%s", "customerId": "%s", "invoiceId": "%s", "currency": "%s", "disputedAmount": "%s",
                 "reason": "The carrier's damage report arrived.", "reopenedAt": "2051-06-08T09:00:00Z"}"""
                .formatted(disputeId, customerId, invoiceId, currency, amount));
    }

    /** Publishes a record keyed by the customer, as every producer does; returns its ce_id. */
    UUID publish(String topic, String type, String customerId, UUID subject, String body) {
        UUID eventId = UUID.randomUUID();
        send(topic, customerId, CloudEventProducer.headers(eventId, type, subject.toString()), body);
        return eventId;
    }

    void send(String topic, String customerId, Map<String, String> headers, String body) {
        producer.send(topic, customerId, headers, body);
    }

    /** The dead-letter-reason of each of {@code eventIds} on ar.invoicing.dlq, waiting until all of them are there. */
    Map<UUID, String> deadLetterReasons(Collection<UUID> eventIds) {
        Map<UUID, String> reasons = new HashMap<>();
        DeadLetterTopicReader.reasons(bootstrap, DLQ, eventIds).forEach((id, copies) -> reasons.put(id, copies.get(0)));
        return reasons;
    }

    @Override
    public void close() {
        producer.close();
    }
}
