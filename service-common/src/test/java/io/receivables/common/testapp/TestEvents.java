package io.receivables.common.testapp;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.receivables.common.testing.CloudEventProducer;
import io.receivables.contracts.events.EventExamples;
import io.receivables.contracts.events.EventType;

/**
 * Publishes the events the self-test consumer reads, as an outbox connector would (CloudEvents binary mode), with
 * bodies taken from the contract's own examples. Keyed by customer, so that one test's events share a partition and
 * arrive in the order sent. Each method returns the event's ce_id.
 */
final class TestEvents implements AutoCloseable {

    static final String TOPIC = EventType.INVOICE_ISSUED.topic();

    private final CloudEventProducer producer;

    TestEvents(String bootstrapServers) {
        producer = new CloudEventProducer(bootstrapServers);
    }

    UUID invoiceIssued(UUID customer, UUID invoice, String currency, String total) {
        ObjectNode body = example(EventType.INVOICE_ISSUED);
        body.put("invoiceId", invoice.toString()).put("customerId", customer.toString()).put("currency", currency)
                .put("subtotal", total).put("taxTotal", "0.00").put("total", total);
        return send(UUID.randomUUID(), customer, EventType.INVOICE_ISSUED, invoice, body.toString());
    }

    UUID creditNote(UUID customer, UUID invoice, String currency, String total) {
        return creditNote(UUID.randomUUID(), customer, invoice, currency, total);
    }

    /** A credit note with a chosen ce_id, so that a test can deliver the same event twice. */
    UUID creditNote(UUID eventId, UUID customer, UUID invoice, String currency, String total) {
        return send(eventId, customer, EventType.CREDIT_NOTE_ISSUED, invoice,
                creditNoteBody(customer, invoice, currency, total).toString());
    }

    ObjectNode creditNoteBody(UUID customer, UUID invoice, String currency, String total) {
        ObjectNode body = example(EventType.CREDIT_NOTE_ISSUED);
        body.put("creditNoteId", UUID.randomUUID().toString()).put("customerId", customer.toString())
                .put("invoiceId", invoice.toString()).put("currency", currency).put("subtotal", total)
                .put("taxTotal", "0.00").put("total", total);
        return body;
    }

    UUID send(UUID eventId, UUID customer, EventType type, UUID subject, String body) {
        send(customer, CloudEventProducer.headers(eventId, type.type(), subject.toString()), body);
        return eventId;
    }

    void send(UUID customer, Map<String, String> headers, String body) {
        producer.send(TOPIC, customer.toString(), headers, body);
    }

    private static ObjectNode example(EventType type) {
        return (ObjectNode) EventExamples.json(type).get(0);
    }

    @Override
    public void close() {
        producer.close();
    }
}
