package io.receivables.invoicing.balance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.DisputeOpened;
import io.receivables.contracts.events.DisputeReopened;
import io.receivables.contracts.events.DisputeResolved;
import io.receivables.invoicing.balance.InvoiceDispute;
import io.receivables.invoicing.balance.repository.InvoiceDisputeRepository;
import io.receivables.invoicing.invoice.Invoice;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the open disputes per invoice and their sum on the invoice ({@code disputedAmount}). The invoice's status is
 * derived from that sum, never from which event came last, so a payment and a dispute of the same invoice give the same
 * state in either order. Runs inside the transaction of InboxProcessor that also records the event.
 */
@ApplicationScoped
public class DisputeTracking {

    private final EventInvoices invoices;
    private final InvoiceDisputeRepository disputes;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public DisputeTracking(EventInvoices invoices, InvoiceDisputeRepository disputes, AuditLog audit, Clock clock) {
        this.invoices = invoices;
        this.disputes = disputes;
        this.audit = audit;
        this.clock = clock;
    }

    /** dispute-opened: the amount counts as disputed on its invoice; audited on the invoice, by the consumer. */
    public Uni<Void> opened(Actor actor, DisputeOpened opened, InboundEvent event) {
        EventInvoices.Claim claim = EventInvoices.Claim.of(event, opened.customerId(), opened.currency());
        return invoices.lock(opened.invoiceId(), claim)
                .chain(invoice -> disputes.findById(opened.disputeId()).chain(existing -> {
                    if (existing != null) {
                        throw new MalformedEventException("dispute-opened " + event.id() + " opens dispute "
                                + opened.disputeId() + ", which was already opened on invoice " + invoice.number);
                    }
                    InvoiceDispute dispute = new InvoiceDispute();
                    dispute.disputeId = opened.disputeId();
                    dispute.invoiceId = invoice.id;
                    dispute.disputedAmount = EventInvoices.amount(opened.disputedAmount(), "disputedAmount", invoice,
                            claim);
                    dispute.reasonCode = opened.reasonCode().name();
                    dispute.openedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    BigDecimal before = invoice.disputedAmount;
                    invoice.disputedAmount = invoice.disputedAmount.add(dispute.disputedAmount);
                    return disputes.persist(dispute).call(() -> audit.record(actor, event.type(), "invoice", invoice.id,
                            AuditSummary.of().value("disputeId", dispute.disputeId)
                                    .change("disputedAmount", Currencies.round(before, invoice.currency),
                                            Currencies.round(invoice.disputedAmount, invoice.currency))));
                }))
                .replaceWithVoid();
    }

    /**
     * Closes the dispute: its amount no longer counts as disputed. What is credited for it is the credit note's
     * business, not this one's.
     */
    public Uni<Void> resolved(Actor actor, DisputeResolved resolved, InboundEvent event) {
        return invoices.lock(resolved.invoiceId(), EventInvoices.Claim.of(event, resolved.customerId(),
                resolved.currency()))
                .chain(invoice -> disputes.findById(resolved.disputeId()).chain(dispute -> {
                    BigDecimal before = invoice.disputedAmount;
                    close(dispute, invoice, resolved, event);
                    return audit.record(actor, event.type(), "invoice", invoice.id, AuditSummary.of()
                            .value("disputeId", dispute.disputeId).value("outcome", dispute.outcome)
                            .change("disputedAmount", Currencies.round(before, invoice.currency),
                                    Currencies.round(invoice.disputedAmount, invoice.currency)));
                }))
                .replaceWithVoid();
    }

    /**
     * dispute-reopened: a dispute resolved without credit counts as open again, with the amount disputes-service disputes
     * again (capped by what is open now), until its next dispute-resolved.
     */
    public Uni<Void> reopened(Actor actor, DisputeReopened reopened, InboundEvent event) {
        EventInvoices.Claim claim = EventInvoices.Claim.of(event, reopened.customerId(), reopened.currency());
        return invoices.lock(reopened.invoiceId(), claim)
                .chain(invoice -> disputes.findById(reopened.disputeId()).chain(dispute -> {
                    if (dispute == null || !dispute.invoiceId.equals(invoice.id)) {
                        // one topic and key for the dispute's events: its opening always arrives first
                        throw new MalformedEventException("dispute-reopened " + event.id() + " reopens dispute "
                                + reopened.disputeId() + ", which was never opened on invoice " + invoice.number);
                    }
                    if (dispute.open()) {
                        throw new MalformedEventException("dispute-reopened " + event.id() + " reopens dispute "
                                + reopened.disputeId() + ", which is still open");
                    }
                    BigDecimal before = invoice.disputedAmount;
                    dispute.disputedAmount = EventInvoices.amount(reopened.disputedAmount(), "disputedAmount",
                            invoice, claim);
                    dispute.outcome = null;
                    dispute.creditedAmount = null;
                    dispute.resolvedAt = null;
                    invoice.disputedAmount = invoice.disputedAmount.add(dispute.disputedAmount);
                    return audit.record(actor, event.type(), "invoice", invoice.id, AuditSummary.of()
                            .value("disputeId", dispute.disputeId)
                            .change("disputedAmount", Currencies.round(before, invoice.currency),
                                    Currencies.round(invoice.disputedAmount, invoice.currency)));
                }))
                .replaceWithVoid();
    }

    private void close(InvoiceDispute dispute, Invoice invoice, DisputeResolved resolved, InboundEvent event) {
        if (dispute == null || !dispute.invoiceId.equals(invoice.id)) {
            // dispute-opened and dispute-resolved share topic and key, so the opening always arrives first
            throw new MalformedEventException("dispute-resolved " + event.id() + " resolves dispute "
                    + resolved.disputeId() + ", which was never opened on invoice " + invoice.number);
        }
        if (!dispute.open()) {
            throw new MalformedEventException("dispute-resolved " + event.id() + " resolves dispute "
                    + resolved.disputeId() + ", which was already resolved");
        }
        dispute.outcome = resolved.outcome().name();
        dispute.creditedAmount = resolved.creditedAmount();
        dispute.resolvedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        invoice.disputedAmount = invoice.disputedAmount.subtract(dispute.disputedAmount);
    }
}
