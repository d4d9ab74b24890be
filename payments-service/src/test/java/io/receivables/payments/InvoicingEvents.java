package io.receivables.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.receivables.common.testing.CloudEventProducer;
import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.InvoiceLine;
import io.receivables.contracts.events.InvoiceVoided;
import io.receivables.contracts.events.PaymentTerms;
import io.receivables.contracts.events.ReceivablesEvent;
import io.receivables.contracts.json.EventJson;

/**
 * Publishes what invoicing publishes, as its outbox connector would (CloudEvents in binary mode, keyed by customer id),
 * so that the payments service's read model is built the only way it is in production. Each method returns the ce_id.
 */
public final class InvoicingEvents {

    public static final String TOPIC = "ar.invoicing.events";

    private final CloudEventProducer producer;

    public InvoicingEvents(CloudEventProducer producer) {
        this.producer = producer;
    }

    public UUID customerRegistered(UUID customer, String legalName, String currency) {
        String body = """
                {"customerId": "%s", "legalName": "%s", "currency": "%s", "paymentTerms": {"type": "NET", "days": 30},
                 "segment": "standard", "registeredAt": "2026-11-01T10:00:00Z"}""".formatted(customer, legalName,
                currency);
        return send(UUID.randomUUID(), customer, "customer-registered", customer, body);
    }

    /** An invoice of one line without tax; {@code terms} null: net 30. */
    public UUID invoiceIssued(UUID customer, UUID invoice, String number, String currency, String total,
            LocalDate issueDate, PaymentTerms terms) {
        return invoiceIssued(UUID.randomUUID(), customer, invoice, number, currency, total, issueDate, terms);
    }

    /** The same under a given ce_id: sent twice, a redelivery. */
    public UUID invoiceIssued(UUID eventId, UUID customer, UUID invoice, String number, String currency, String total,
            LocalDate issueDate, PaymentTerms terms) {
        BigDecimal amount = new BigDecimal(total);
        PaymentTerms effective = terms == null ? PaymentTerms.net(30) : terms;
        InvoiceIssued issued = new InvoiceIssued(invoice, number, customer, currency, issueDate,
                issueDate.plusDays(effective.days()), effective, amount, BigDecimal.ZERO, amount,
                List.of(new InvoiceLine(1, "Consulting", BigDecimal.ONE, amount, BigDecimal.ZERO, amount,
                        BigDecimal.ZERO)),
                null, Instant.parse("2026-11-01T10:00:00Z"));
        return send(eventId, customer, "invoice-issued", invoice, issued);
    }

    public UUID creditNote(UUID eventId, UUID customer, UUID invoice, String currency, String total) {
        BigDecimal amount = new BigDecimal(total);
        CreditNoteIssued credit = new CreditNoteIssued(UUID.randomUUID(), "CN-2026-%06d".formatted(
                Math.floorMod(eventId.hashCode(), 1_000_000)), customer, invoice, null, currency,
                LocalDate.of(2026, 11, 3), CreditNoteIssued.ReasonCode.PRICING_ERROR, amount, BigDecimal.ZERO, amount,
                null, Instant.parse("2026-11-03T10:00:00Z"));
        return send(eventId, customer, "credit-note-issued", credit.creditNoteId(), credit);
    }

    public UUID voided(UUID customer, UUID invoice, String number, String currency, String total) {
        InvoiceVoided voided = new InvoiceVoided(invoice, number, customer, currency, new BigDecimal(total),
                InvoiceVoided.ReasonCode.ISSUED_IN_ERROR, null, Instant.parse("2026-11-04T10:00:00Z"));
        return send(UUID.randomUUID(), customer, "invoice-voided", invoice, voided);
    }

    private UUID send(UUID eventId, UUID customer, String type, UUID subject, Object body) {
        String json = body instanceof String text ? text : EventJson.write((ReceivablesEvent) body);
        producer.send(TOPIC, customer.toString(), CloudEventProducer.headers(eventId, type, subject.toString()), json);
        return eventId;
    }
}
