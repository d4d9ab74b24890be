package io.receivables.dunning.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.receivables.common.testing.CloudEventProducer;
import io.receivables.contracts.Topics;
import io.receivables.contracts.events.Contact;
import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.contracts.events.CustomerUpdated;
import io.receivables.contracts.events.DisputeOpened;
import io.receivables.contracts.events.DisputeReopened;
import io.receivables.contracts.events.DisputeResolved;
import io.receivables.contracts.events.DoNotDun;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.InvoiceLine;
import io.receivables.contracts.events.InvoiceVoided;
import io.receivables.contracts.events.PaymentAllocation;
import io.receivables.contracts.events.PaymentPlanBroken;
import io.receivables.contracts.events.PaymentPlanCreated;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.contracts.events.PaymentTerms;
import io.receivables.contracts.events.PostalAddress;
import io.receivables.contracts.events.ReceivablesEvent;
import io.receivables.contracts.json.EventJson;

/**
 * Publishes what invoicing, payments and disputes publish, as their outbox connectors would (CloudEvents in binary
 * mode, keyed by customer id), so that dunning's read model is built the only way it is in production. Each method
 * returns the ce_id; the methods taking an event id send a redelivery when called twice with it.
 */
public final class DunningEvents {

    /** Invoices are issued on this day and due 30 days later, on {@link #DUE}. */
    public static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);
    public static final LocalDate DUE = ISSUED.plusDays(30);
    static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    private final CloudEventProducer producer;

    public DunningEvents(CloudEventProducer producer) {
        this.producer = producer;
    }

    /** customer-updated with the whole profile dunning reads (contacts, language, segment, do-not-dun). */
    public UUID customerUpdated(UUID customer, String legalName, String segment, String language, String email,
            List<Contact> contacts, DoNotDun doNotDun) {
        CustomerUpdated updated = new CustomerUpdated(customer, legalName, null, "EUR", PaymentTerms.net(30), null,
                segment, email, new PostalAddress("Hauptstr. 1", null, "Berlin", "10115", null, "DE"), contacts,
                doNotDun, language, AT);
        return send(Topics.INVOICING, UUID.randomUUID(), customer, "customer-updated", customer, updated);
    }

    public UUID customerRegistered(UUID customer, String legalName) {
        String body = """
                {"customerId": "%s", "legalName": "%s", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30},
                 "segment": "standard", "registeredAt": "2026-11-01T10:00:00Z"}""".formatted(customer, legalName);
        return send(Topics.INVOICING, UUID.randomUUID(), customer, "customer-registered", customer, body);
    }

    /** An invoice of one line, without tax, due on {@code due}. */
    public UUID invoiceIssued(UUID customer, UUID invoice, String total, LocalDate due) {
        return invoiceIssued(UUID.randomUUID(), customer, invoice, total, due, null);
    }

    public UUID invoiceIssued(UUID eventId, UUID customer, UUID invoice, String total, LocalDate due,
            InvoiceIssued.LateFee lateFee) {
        BigDecimal amount = new BigDecimal(total);
        InvoiceIssued issued = new InvoiceIssued(invoice, number(invoice), customer, "EUR", ISSUED, due,
                PaymentTerms.net(30), amount, BigDecimal.ZERO, amount,
                List.of(new InvoiceLine(1, "Item", BigDecimal.ONE, amount, BigDecimal.ZERO, amount, BigDecimal.ZERO)),
                null, AT, null, null, lateFee);
        return send(Topics.INVOICING, eventId, customer, "invoice-issued", invoice, issued);
    }

    public UUID creditNote(UUID customer, UUID invoice, String total) {
        BigDecimal amount = new BigDecimal(total);
        CreditNoteIssued credit = new CreditNoteIssued(UUID.randomUUID(), "CN-" + invoice.toString().substring(0, 8),
                customer, invoice, null, "EUR", ISSUED.plusDays(1), CreditNoteIssued.ReasonCode.PRICING_ERROR, amount,
                BigDecimal.ZERO, amount, null, AT.plusSeconds(86_400));
        return send(Topics.INVOICING, UUID.randomUUID(), customer, "credit-note-issued", credit.creditNoteId(), credit);
    }

    public UUID voided(UUID customer, UUID invoice, String total) {
        InvoiceVoided voided = new InvoiceVoided(invoice, number(invoice), customer, "EUR", new BigDecimal(total),
                InvoiceVoided.ReasonCode.ISSUED_IN_ERROR, null, AT.plusSeconds(3_600));
        return send(Topics.INVOICING, UUID.randomUUID(), customer, "invoice-voided", invoice, voided);
    }

    /** payment-received paying {@code amount} on one invoice. */
    public UUID paid(UUID eventId, UUID customer, UUID payment, UUID invoice, String amount) {
        BigDecimal paid = new BigDecimal(amount);
        PaymentReceived received = new PaymentReceived(payment, customer, "EUR", paid, ISSUED.plusDays(5),
                PaymentReceived.Method.CARD, null, List.of(new PaymentAllocation(invoice, paid, null)), BigDecimal.ZERO,
                AT.plusSeconds(5 * 86_400));
        return send(Topics.PAYMENTS, eventId, customer, "payment-received", payment, received);
    }

    public UUID paid(UUID customer, UUID invoice, String amount) {
        return paid(UUID.randomUUID(), customer, UUID.randomUUID(), invoice, amount);
    }

    /** A plan over one invoice: a down payment and instalments of the given amounts on the given dates. */
    public UUID planCreated(UUID customer, UUID plan, UUID invoice, String openAmount, LocalDate downPaymentDue,
            String downPayment, List<PaymentPlanCreated.Instalment> instalments) {
        BigDecimal total = new BigDecimal(downPayment);
        for (PaymentPlanCreated.Instalment instalment : instalments) {
            total = total.add(instalment.amount());
        }
        PaymentPlanCreated created = new PaymentPlanCreated(plan, customer, "EUR", total,
                List.of(new PaymentPlanCreated.CoveredInvoice(invoice, number(invoice), new BigDecimal(openAmount))),
                new PaymentPlanCreated.DownPayment(downPaymentDue, new BigDecimal(downPayment)), instalments,
                AT.plusSeconds(86_400));
        return send(Topics.PAYMENTS, UUID.randomUUID(), customer, "payment-plan-created", plan, created);
    }

    public UUID planBroken(UUID customer, UUID plan, UUID invoice, LocalDate dueDate) {
        PaymentPlanBroken broken = new PaymentPlanBroken(plan, customer, "EUR", List.of(invoice), 1, dueDate, 10,
                new BigDecimal("100.00"), new BigDecimal("300.00"), dueDate.plusDays(10),
                AT.plusSeconds(60 * 86_400));
        return send(Topics.PAYMENTS, UUID.randomUUID(), customer, "payment-plan-broken", plan, broken);
    }

    public UUID disputeOpened(UUID eventId, UUID customer, UUID dispute, UUID invoice, String amount) {
        return disputeOpened(eventId, customer, dispute, invoice, amount, "EUR");
    }

    public UUID disputeOpened(UUID eventId, UUID customer, UUID dispute, UUID invoice, String amount,
            String currency) {
        DisputeOpened opened = new DisputeOpened(dispute, customer, invoice, currency, new BigDecimal(amount),
                DisputeOpened.ReasonCode.PRICING, null, null, AT.plusSeconds(2 * 86_400));
        return send(Topics.DISPUTES, eventId, customer, "dispute-opened", dispute, opened);
    }

    /** Resolved in the company's favour: nothing credited, the amount is due again. */
    public UUID disputeRejected(UUID customer, UUID dispute, UUID invoice, String amount) {
        DisputeResolved resolved = new DisputeResolved(dispute, customer, invoice, "EUR", new BigDecimal(amount),
                DisputeResolved.Outcome.COMPANY_FAVOUR, BigDecimal.ZERO, null, AT.plusSeconds(3 * 86_400));
        return send(Topics.DISPUTES, UUID.randomUUID(), customer, "dispute-resolved", dispute, resolved);
    }

    public UUID disputeReopened(UUID customer, UUID dispute, UUID invoice, String amount) {
        DisputeReopened reopened = new DisputeReopened(dispute, customer, invoice, "EUR", new BigDecimal(amount),
                "new evidence", AT.plusSeconds(4 * 86_400), null);
        return send(Topics.DISPUTES, UUID.randomUUID(), customer, "dispute-reopened", dispute, reopened);
    }

    public static String number(UUID invoice) {
        return "INV-" + invoice.toString().substring(0, 8).toUpperCase();
    }

    private UUID send(String topic, UUID eventId, UUID customer, String type, UUID subject, Object body) {
        String json = body instanceof String text ? text : EventJson.write((ReceivablesEvent) body);
        producer.send(topic, customer.toString(), CloudEventProducer.headers(eventId, type, subject.toString()), json);
        return eventId;
    }

    static Contact contact(String name, String email, String phone, boolean primary) {
        return new Contact(name, email, phone, primary);
    }
}
