package io.receivables.disputes;

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
import io.receivables.contracts.events.InvoiceWrittenOff;
import io.receivables.contracts.events.PaymentAllocation;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.contracts.events.PaymentReversed;
import io.receivables.contracts.events.PaymentTerms;
import io.receivables.contracts.events.PaymentUnallocated;
import io.receivables.contracts.events.ReceivablesEvent;
import io.receivables.contracts.json.EventJson;

/**
 * Publishes what invoicing and payments publish, as their outbox connectors would (CloudEvents in binary mode, keyed by
 * customer id), so that the disputes service's read model is built the only way it is in production. Each method
 * returns the ce_id.
 */
public final class ReceivableEvents {

    public static final String INVOICING = "ar.invoicing.events";
    public static final String PAYMENTS = "ar.payments.events";
    static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);
    static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    private final CloudEventProducer producer;

    public ReceivableEvents(CloudEventProducer producer) {
        this.producer = producer;
    }

    public UUID customerRegistered(UUID customer, String legalName, String currency) {
        String body = """
                {"customerId": "%s", "legalName": "%s", "currency": "%s", "paymentTerms": {"type": "NET", "days": 30},
                 "segment": "standard", "registeredAt": "2026-11-01T10:00:00Z"}""".formatted(customer, legalName,
                currency);
        return send(INVOICING, UUID.randomUUID(), customer, "customer-registered", customer, body);
    }

    /** An invoice with one line per amount (numbered from 1), without tax; the total is their sum. */
    public UUID invoiceIssued(UUID customer, UUID invoice, String currency, String... lineAmounts) {
        return invoiceIssued(UUID.randomUUID(), customer, invoice, currency, lineAmounts);
    }

    /** The same under a given ce_id: sent twice, a redelivery. */
    public UUID invoiceIssued(UUID eventId, UUID customer, UUID invoice, String currency, String... lineAmounts) {
        List<InvoiceLine> lines = new java.util.ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lineAmounts.length; i++) {
            BigDecimal amount = new BigDecimal(lineAmounts[i]);
            lines.add(new InvoiceLine(i + 1, "Item " + (i + 1), BigDecimal.ONE, amount, BigDecimal.ZERO, amount,
                    BigDecimal.ZERO));
            total = total.add(amount);
        }
        InvoiceIssued issued = new InvoiceIssued(invoice, number(invoice), customer, currency, ISSUED,
                ISSUED.plusDays(30), PaymentTerms.net(30), total, BigDecimal.ZERO, total, lines, null, AT);
        return send(INVOICING, eventId, customer, "invoice-issued", invoice, issued);
    }

    public UUID creditNote(UUID customer, UUID invoice, String currency, String total) {
        BigDecimal amount = new BigDecimal(total);
        CreditNoteIssued credit = new CreditNoteIssued(UUID.randomUUID(), "CN-" + invoice.toString().substring(0, 8),
                customer, invoice, null, currency, ISSUED.plusDays(1), CreditNoteIssued.ReasonCode.PRICING_ERROR,
                amount, BigDecimal.ZERO, amount, null, AT.plusSeconds(86_400));
        return send(INVOICING, UUID.randomUUID(), customer, "credit-note-issued", credit.creditNoteId(), credit);
    }

    public UUID voided(UUID customer, UUID invoice, String currency, String total) {
        InvoiceVoided voided = new InvoiceVoided(invoice, number(invoice), customer, currency, new BigDecimal(total),
                InvoiceVoided.ReasonCode.ISSUED_IN_ERROR, null, AT.plusSeconds(3_600));
        return send(INVOICING, UUID.randomUUID(), customer, "invoice-voided", invoice, voided);
    }

    public UUID writtenOff(UUID customer, UUID invoice, String currency, String amount) {
        InvoiceWrittenOff written = new InvoiceWrittenOff(invoice, number(invoice), customer, currency,
                new BigDecimal(amount), InvoiceWrittenOff.ReasonCode.UNCOLLECTIBLE, ISSUED.plusDays(90), null,
                AT.plusSeconds(90 * 86_400));
        return send(INVOICING, UUID.randomUUID(), customer, "invoice-written-off", invoice, written);
    }

    /** payment-received paying {@code amount} (with {@code discount}, may be null) on one invoice. */
    public UUID paid(UUID customer, UUID payment, UUID invoice, String currency, String amount, String discount) {
        BigDecimal paid = new BigDecimal(amount);
        PaymentReceived received = new PaymentReceived(payment, customer, currency, paid, ISSUED.plusDays(5),
                PaymentReceived.Method.CARD, null, List.of(new PaymentAllocation(invoice, paid,
                        discount == null ? null : new BigDecimal(discount))),
                BigDecimal.ZERO, AT.plusSeconds(5 * 86_400));
        return send(PAYMENTS, UUID.randomUUID(), customer, "payment-received", payment, received);
    }

    public UUID unallocated(UUID customer, UUID payment, UUID invoice, String currency, String amount) {
        PaymentUnallocated taken = new PaymentUnallocated(payment, customer, currency,
                List.of(new PaymentAllocation(invoice, new BigDecimal(amount))), new BigDecimal(amount),
                ISSUED.plusDays(6), AT.plusSeconds(6 * 86_400));
        return send(PAYMENTS, UUID.randomUUID(), customer, "payment-unallocated", payment, taken);
    }

    public UUID reversed(UUID customer, UUID payment, UUID invoice, String currency, String amount,
            PaymentReversed.ReasonCode reason) {
        return reversed(UUID.randomUUID(), customer, payment, invoice, currency, amount, reason);
    }

    public UUID reversed(UUID eventId, UUID customer, UUID payment, UUID invoice, String currency, String amount,
            PaymentReversed.ReasonCode reason) {
        return reversed(eventId, customer, payment, invoice, currency, amount, reason, null);
    }

    /** A reversal; for a chargeback, {@code evidenceDueAt} is the gateway's deadline for evidence (or null). */
    public UUID reversed(UUID eventId, UUID customer, UUID payment, UUID invoice, String currency, String amount,
            PaymentReversed.ReasonCode reason, Instant evidenceDueAt) {
        PaymentReversed reversal = new PaymentReversed(payment, customer, currency, new BigDecimal(amount), reason,
                List.of(new PaymentAllocation(invoice, new BigDecimal(amount))), ISSUED.plusDays(7), null,
                AT.plusSeconds(7 * 86_400), evidenceDueAt);
        return send(PAYMENTS, eventId, customer, "payment-reversed", payment, reversal);
    }

    public static String number(UUID invoice) {
        return "INV-" + invoice.toString().substring(0, 8).toUpperCase();
    }

    private UUID send(String topic, UUID eventId, UUID customer, String type, UUID subject, Object body) {
        String json = body instanceof String text ? text : EventJson.write((ReceivablesEvent) body);
        producer.send(topic, customer.toString(), CloudEventProducer.headers(eventId, type, subject.toString()), json);
        return eventId;
    }
}
