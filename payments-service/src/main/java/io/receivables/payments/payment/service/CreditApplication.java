package io.receivables.payments.payment.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.receivables.common.outbox.OutboxWriter;
import io.receivables.contracts.events.Actor;
import io.receivables.payments.balance.repository.CustomerPaymentSettingsRepository;
import io.receivables.payments.matching.MatchingRule;
import io.receivables.payments.payment.Allocation;
import io.receivables.payments.payment.Payment;
import io.receivables.payments.payment.repository.AllocationRepository;
import io.receivables.payments.payment.repository.PaymentRepository;
import io.receivables.payments.receivable.InvoiceState;
import io.receivables.payments.receivable.ReceivableInvoice;
import io.receivables.payments.receivable.repository.ReceivableInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * A customer's unapplied cash applied to an invoice as it is issued, when the customer asked for that (its payment
 * setting {@code autoApplyCredit}). Oldest payments first (value date, then receipt), up to what is open on the
 * invoice, in the invoice's currency; a payment waiting in the review queue is left to the accountant. Each payment
 * drawn on publishes payment-allocated. Runs in the caller's (the invoicing events consumer's inbox) transaction, so a
 * redelivered invoice-issued, which the inbox skips, allocates nothing twice.
 * <p>
 * Locking: the payments are locked in id order, as refunds lock them, so that a concurrent refund, manual allocation or
 * reversal of the same payment waits or is waited for and reads the amount this leaves; the invoice is the one just
 * issued in this transaction, which no other transaction can see yet, locked all the same as every writer locks.
 */
@ApplicationScoped
public class CreditApplication {

    private final CustomerPaymentSettingsRepository settings;
    private final PaymentRepository payments;
    private final AllocationRepository allocations;
    private final ReceivableInvoiceRepository invoices;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Inject
    public CreditApplication(CustomerPaymentSettingsRepository settings, PaymentRepository payments,
            AllocationRepository allocations, ReceivableInvoiceRepository invoices, OutboxWriter outbox, Clock clock) {
        this.settings = settings;
        this.payments = payments;
        this.allocations = allocations;
        this.invoices = invoices;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies the customer's unapplied cash to the invoice just issued, if its setting says so. */
    public Uni<List<Allocation>> applyToIssued(Actor actor, UUID invoiceId) {
        return invoices.lock(List.of(invoiceId)).chain(locked -> {
            // a parked void or credit note of it may have applied already, in the same transaction
            ReceivableInvoice invoice = locked.isEmpty() ? null : locked.getFirst();
            if (invoice == null || invoice.state != InvoiceState.OPEN || invoice.openAmount.signum() <= 0) {
                return Uni.createFrom().item(List.<Allocation> of());
            }
            return settings.autoApplyCredit(invoice.customerId).chain(on -> on
                    ? lockUnapplied(invoice).chain(found -> allocate(actor, invoice, found))
                    : Uni.createFrom().item(List.<Allocation> of()));
        });
    }

    private Uni<List<Payment>> lockUnapplied(ReceivableInvoice invoice) {
        return payments.find("customerId = ?1 and currency = ?2 and reversedAt is null and inReview = false"
                // a payment of a known customer published its receipt when recorded: payment-allocated follows it
                + " and published = true and unallocatedAmount > 0 order by id", invoice.customerId, invoice.currency)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private Uni<List<Allocation>> allocate(Actor actor, ReceivableInvoice invoice, List<Payment> locked) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Payment> oldestFirst = locked.stream().sorted(Comparator.comparing((Payment p) -> p.valueDate)
                .thenComparing(p -> p.receivedAt).thenComparing(p -> p.id)).toList();
        List<Allocation> made = new ArrayList<>();
        Uni<Void> published = Uni.createFrom().voidItem();
        for (Payment payment : oldestFirst) {
            BigDecimal take = invoice.openAmount.min(payment.unallocatedAmount);
            if (take.signum() <= 0) {
                break;
            }
            // the first day both the money and the debt were there
            LocalDate effective = payment.valueDate.isAfter(invoice.issueDate) ? payment.valueDate
                    : invoice.issueDate;
            Allocation allocation = InvoiceAllocations.allocate(payment, invoice, take, null,
                    MatchingRule.AUTO_APPLY_CREDIT, MatchingRule.AUTO_APPLY_CREDIT.confidence(),
                    "unapplied cash applied to invoice " + invoice.number + " as it was issued (the customer's"
                            + " setting autoApplyCredit)",
                    effective, now);
            payment.unallocatedAmount = payment.unallocatedAmount.subtract(take);
            payment.deriveStatus();
            made.add(allocation);
            published = published.chain(() -> allocations.persist(allocation))
                    .chain(() -> outbox.append(actor, "payment", PaymentEvents.allocated(payment, List.of(allocation),
                            now, effective)))
                    .replaceWithVoid();
        }
        return published.chain(() -> payments.flush()).map(ignored -> List.copyOf(made));
    }
}
