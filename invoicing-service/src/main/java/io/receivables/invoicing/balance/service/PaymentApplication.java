package io.receivables.invoicing.balance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.PaymentAllocated;
import io.receivables.contracts.events.PaymentAllocation;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.contracts.events.PaymentReversed;
import io.receivables.contracts.events.PaymentUnallocated;
import io.receivables.invoicing.balance.InvoicePayment;
import io.receivables.invoicing.balance.repository.InvoicePaymentRepository;
import io.receivables.invoicing.invoice.Invoice;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Applies payments to invoices: each allocation of a payment to an invoice is recorded with its own business date
 * (the payment's value date, or for payment-allocated the day it was allocated), the invoice keeps the sum as
 * {@code amountPaid}. Every method runs inside the transaction of InboxProcessor that also records the event, so an event
 * is applied once and all its allocations together or none (a failure rolls the whole event back).
 */
@ApplicationScoped
public class PaymentApplication {

    private final EventInvoices invoices;
    private final InvoicePaymentRepository payments;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public PaymentApplication(EventInvoices invoices, InvoicePaymentRepository payments, AuditLog audit, Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    /** payment-received: its allocations are paid on their invoices. A payment is received once. */
    public Uni<Void> received(Actor actor, PaymentReceived payment, InboundEvent event) {
        return allocate(actor, payment.paymentId(), EventInvoices.Claim.of(event, payment.customerId(), payment.currency()),
                payment.allocations(), payment.valueDate(), event, true);
    }

    /**
     * payment-allocated: more of an earlier payment is paid on invoices, adding to what it paid there before; it counts
     * from the day it was allocated, so a statement as of an earlier date does not show it.
     */
    public Uni<Void> allocated(Actor actor, PaymentAllocated payment, InboundEvent event) {
        return allocate(actor, payment.paymentId(), EventInvoices.Claim.of(event, payment.customerId(), payment.currency()),
                payment.allocations(), payment.effectiveDate() != null ? payment.effectiveDate()
                        : LocalDate.ofInstant(payment.allocatedAt(), ZoneOffset.UTC),
                event, false);
    }

    /**
     * payment-reversed: each invoice in {@code reversedAllocations} gets back exactly what the payment paid on it. A
     * reversal of something the payment never paid here, or of a different amount, cannot apply.
     */
    public Uni<Void> reversed(Actor actor, PaymentReversed reversal, InboundEvent event) {
        Map<UUID, BigDecimal> perInvoice = perInvoice(reversal.reversedAllocations());
        if (perInvoice.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return invoices.lock(perInvoice.keySet(),
                EventInvoices.Claim.of(event, reversal.customerId(), reversal.currency()))
                .chain(locked -> payments.ofPayment(reversal.paymentId()).chain(recorded -> {
                    Map<UUID, List<InvoicePayment>> byInvoice = byInvoice(recorded);
                    List<Audited> audited = new ArrayList<>();
                    Instant now = now();
                    perInvoice.forEach((invoiceId, amount) -> {
                        Invoice invoice = locked.get(invoiceId);
                        List<InvoicePayment> allocations = byInvoice.getOrDefault(invoiceId, List.of());
                        if (allocations.isEmpty() || allocations.stream().anyMatch(InvoicePayment::reversed)) {
                            throw new MalformedEventException("payment-reversed " + event.id() + " reverses payment "
                                    + reversal.paymentId() + " on invoice " + invoice.number + ", where it "
                                    + (allocations.isEmpty() ? "was never applied" : "was already reversed"));
                        }
                        BigDecimal paid = allocations.stream().map(a -> a.amount).reduce(BigDecimal.ZERO,
                                BigDecimal::add);
                        if (paid.compareTo(amount) != 0) {
                            throw new MalformedEventException("payment-reversed " + event.id() + " gives back "
                                    + amount.toPlainString() + " on invoice " + invoice.number + ", but payment "
                                    + reversal.paymentId() + " paid " + paid.stripTrailingZeros().toPlainString() + " "
                                    + invoice.currency + " there");
                        }
                        BigDecimal discounted = BigDecimal.ZERO;
                        for (InvoicePayment allocation : allocations) {
                            allocation.reversedAt = now;
                            allocation.reversedOn = reversal.reversalDate();
                            discounted = discounted.add(allocation.discount == null ? BigDecimal.ZERO
                                    : allocation.discount);
                        }
                        // the discount no longer stands either: the payment that took it did not
                        invoice.amountDiscounted = invoice.amountDiscounted.subtract(discounted);
                        BigDecimal dueBefore = invoice.amountDue;
                        invoice.amountPaid = invoice.amountPaid.subtract(paid);
                        invoice.recomputeAmountDue();
                        audited.add(new Audited(invoice, paid.negate(), dueBefore));
                    });
                    return audit(actor, event, reversal.paymentId(), audited);
                }))
                .replaceWithVoid();
    }

    /**
     * payment-unallocated: allocations of a payment taken back in payments-service; each invoice gets back that amount,
     * recorded as a negative allocation dated {@code effectiveDate}, so that statements as of an earlier date still
     * show it paid and a later reversal gives back exactly what the payment still pays there. Taking back more than the
     * payment pays on the invoice cannot apply.
     */
    public Uni<Void> unallocated(Actor actor, PaymentUnallocated taken, InboundEvent event) {
        Map<UUID, BigDecimal> perInvoice = perInvoice(taken.allocations());
        EventInvoices.Claim claim = EventInvoices.Claim.of(event, taken.customerId(), taken.currency());
        return invoices.lock(perInvoice.keySet(), claim)
                .chain(locked -> payments.ofPayment(taken.paymentId()).chain(recorded -> {
                    Map<UUID, List<InvoicePayment>> byInvoice = byInvoice(recorded);
                    List<InvoicePayment> added = new ArrayList<>();
                    List<Audited> audited = new ArrayList<>();
                    Instant now = now();
                    perInvoice.forEach((invoiceId, amount) -> {
                        Invoice invoice = locked.get(invoiceId);
                        EventInvoices.amount(amount, "allocations[].amount", invoice, claim);
                        List<InvoicePayment> allocations = byInvoice.getOrDefault(invoiceId, List.of());
                        BigDecimal paid = allocations.stream().filter(a -> !a.reversed()).map(a -> a.amount)
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        if (allocations.stream().anyMatch(InvoicePayment::reversed) || paid.compareTo(amount) < 0) {
                            throw new MalformedEventException("payment-unallocated " + event.id() + " takes back "
                                    + amount.toPlainString() + " of payment " + taken.paymentId() + " on invoice "
                                    + invoice.number + ", where it pays " + paid.stripTrailingZeros().toPlainString());
                        }
                        InvoicePayment entry = InvoicePayment.of(taken.paymentId(), invoiceId, amount.negate(), now,
                                taken.effectiveDate());
                        BigDecimal discount = discounts(taken.allocations()).get(invoiceId);
                        if (discount != null) {
                            entry.discount = discount.negate();
                            invoice.amountDiscounted = invoice.amountDiscounted.subtract(discount);
                        }
                        added.add(entry);
                        BigDecimal dueBefore = invoice.amountDue;
                        invoice.amountPaid = invoice.amountPaid.subtract(amount);
                        invoice.recomputeAmountDue();
                        audited.add(new Audited(invoice, amount.negate(), dueBefore));
                    });
                    return payments.persist(added).call(() -> audit(actor, event, taken.paymentId(), audited));
                }))
                .replaceWithVoid();
    }

    private Uni<Void> allocate(Actor actor, UUID paymentId, EventInvoices.Claim claim, List<PaymentAllocation> allocations,
            LocalDate paidOn, InboundEvent event, boolean firstOfPayment) {
        Map<UUID, BigDecimal> perInvoice = perInvoice(allocations);
        Map<UUID, BigDecimal> discounts = discounts(allocations);
        if (perInvoice.isEmpty()) {
            // nothing matched yet: the money waits on the customer's account in payments-service
            return Uni.createFrom().voidItem();
        }
        return invoices.lock(perInvoice.keySet(), claim)
                .chain(locked -> payments.ofPayment(paymentId).chain(recorded -> {
                    if (firstOfPayment && !recorded.isEmpty()) {
                        throw new MalformedEventException("payment-received " + event.id() + " for payment " + paymentId
                                + ", which was already received here");
                    }
                    Map<UUID, List<InvoicePayment>> byInvoice = byInvoice(recorded);
                    List<InvoicePayment> added = new ArrayList<>();
                    List<Audited> audited = new ArrayList<>();
                    Instant now = now();
                    perInvoice.forEach((invoiceId, amount) -> {
                        Invoice invoice = locked.get(invoiceId);
                        EventInvoices.amount(amount, "allocations[].amount", invoice, claim);
                        if (byInvoice.getOrDefault(invoiceId, List.of()).stream().anyMatch(InvoicePayment::reversed)) {
                            throw new MalformedEventException(event.type() + " " + event.id() + " allocates payment "
                                    + paymentId + ", which was reversed");
                        }
                        // each allocation is its own dated entry: a later one counts from the day it was allocated
                        InvoicePayment entry = InvoicePayment.of(paymentId, invoiceId, amount, now, paidOn);
                        BigDecimal discount = discounts.get(invoiceId);
                        if (discount != null) {
                            entry.discount = EventInvoices.amount(discount, "allocations[].discount", invoice, claim);
                            invoice.amountDiscounted = invoice.amountDiscounted.add(discount);
                        }
                        added.add(entry);
                        // an allocation beyond what is due is not cut: amountPaid keeps it, amountOverpaid shows it
                        BigDecimal dueBefore = invoice.amountDue;
                        invoice.amountPaid = invoice.amountPaid.add(amount);
                        invoice.recomputeAmountDue();
                        audited.add(new Audited(invoice, amount, dueBefore));
                    });
                    return payments.persist(added).call(() -> audit(actor, event, paymentId, audited));
                }))
                .replaceWithVoid();
    }

    /** What a payment event did to one invoice: paid (negative: given back) and its amount due before. */
    private record Audited(Invoice invoice, BigDecimal paid, BigDecimal dueBefore) {
    }

    /** One audit entry per invoice the event changed, by the consumer that applied it. */
    private Uni<Void> audit(Actor actor, InboundEvent event, UUID paymentId, List<Audited> audited) {
        return Multi.createFrom().iterable(audited)
                .onItem().transformToUniAndConcatenate(one -> audit.record(actor, event.type(), "invoice",
                        one.invoice().id, AuditSummary.of().value("paymentId", paymentId)
                                .value("amount", money(one.invoice(), one.paid()))
                                .change("amountDue", money(one.invoice(), one.dueBefore()),
                                        money(one.invoice(), one.invoice().amountDue))))
                .collect().last().replaceWithVoid();
    }

    /** An amount in the invoice's currency's scale, as the API shows it (stored amounts have four decimals). */
    private static BigDecimal money(Invoice invoice, BigDecimal amount) {
        return Currencies.round(amount, invoice.currency);
    }

    /** Allocations summed per invoice, in the event's order: one payment may name an invoice twice. */
    private static Map<UUID, BigDecimal> perInvoice(List<PaymentAllocation> allocations) {
        return allocations.stream().collect(Collectors.toMap(PaymentAllocation::invoiceId, PaymentAllocation::amount,
                BigDecimal::add, LinkedHashMap::new));
    }

    /** The early-payment discounts of the allocations, summed per invoice; invoices without one are absent. */
    private static Map<UUID, BigDecimal> discounts(List<PaymentAllocation> allocations) {
        return allocations.stream().filter(a -> a.discount() != null).collect(Collectors.toMap(
                PaymentAllocation::invoiceId, PaymentAllocation::discount, BigDecimal::add, LinkedHashMap::new));
    }

    /** A payment's allocations so far, per invoice. */
    private static Map<UUID, List<InvoicePayment>> byInvoice(List<InvoicePayment> recorded) {
        return recorded.stream().collect(Collectors.groupingBy(p -> p.invoiceId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
