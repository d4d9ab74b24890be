package io.receivables.payments.payment.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.PaymentAllocation;
import io.receivables.contracts.events.PaymentReversed;
import io.receivables.contracts.events.PaymentUnallocated;
import io.receivables.payments.matching.MatchingRule;
import io.receivables.payments.payment.Allocation;
import io.receivables.payments.payment.Payment;
import io.receivables.payments.payment.repository.AllocationRepository;
import io.receivables.payments.payment.repository.PayerAccountRepository;
import io.receivables.payments.payment.repository.PaymentRepository;
import io.receivables.payments.plan.service.PlanEvaluation;
import io.receivables.payments.receivable.ReceivableInvoice;
import io.receivables.payments.receivable.repository.ReceivableCustomerRepository;
import io.receivables.payments.receivable.repository.ReceivableInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * What an accountant does to a recorded payment: allocate its unapplied cash by hand (assigning an unidentified payment
 * to its customer on the way), and reverse it. Each needs the payment's version (If-Match), locks the payment, then
 * its invoices in id order, and publishes its event through the outbox. Runs in the caller's transaction.
 */
@ApplicationScoped
public class PaymentChanges {

    /** Why a payment is reversed, as the API takes it. */
    public enum ReversalReason {
        BOUNCED(PaymentReversed.ReasonCode.RETURNED_BY_BANK),
        CHARGEBACK(PaymentReversed.ReasonCode.CHARGEBACK),
        ENTERED_IN_ERROR(PaymentReversed.ReasonCode.ENTERED_IN_ERROR);

        private final PaymentReversed.ReasonCode published;

        ReversalReason(PaymentReversed.ReasonCode published) {
            this.published = published;
        }

        public PaymentReversed.ReasonCode published() {
            return published;
        }
    }

    /** Manual allocations; {@code customerId} assigns an unidentified payment; {@code effectiveDate} null: today. */
    public record Allocate(UUID customerId, List<RecordPayment.RequestedAllocation> allocations,
            LocalDate effectiveDate) {

        public Allocate {
            allocations = allocations == null ? List.of() : List.copyOf(allocations);
        }
    }

    private final PaymentRepository payments;
    private final AllocationRepository allocations;
    private final PayerAccountRepository payers;
    private final ReceivableCustomerRepository customers;
    private final ReceivableInvoiceRepository invoices;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final PlanEvaluation plans;
    private final Clock clock;

    @Inject
    public PaymentChanges(PaymentRepository payments, AllocationRepository allocations, PayerAccountRepository payers,
            ReceivableCustomerRepository customers, ReceivableInvoiceRepository invoices, OutboxWriter outbox,
            AuditLog audit, PlanEvaluation plans, Clock clock) {
        this.audit = audit;
        this.plans = plans;
        this.payments = payments;
        this.allocations = allocations;
        this.payers = payers;
        this.customers = customers;
        this.invoices = invoices;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Allocates unapplied cash of the payment; publishes payment-allocated, or payment-received when this assigns the
     * payment to its customer (with every allocation it has then).
     */
    public Uni<RecordedPayment> allocate(Actor actor, UUID paymentId, ExpectedVersion expected, Allocate command) {
        return locked(paymentId, expected).chain(payment -> {
            LocalDate effective = effectiveDate("effectiveDate", command.effectiveDate(), payment);
            checkCommand(payment, command);
            UUID customerId = payment.customerId != null ? payment.customerId : command.customerId();
            Uni<Void> customerKnown = payment.customerId != null ? Uni.createFrom().voidItem()
                    : customers.findById(customerId).invoke(customer -> {
                        if (customer == null) {
                            throw ProblemException.unknownReference("customerId", "no customer " + customerId
                                    + " is known to payments (customers come from invoicing's events)");
                        }
                    }).replaceWithVoid();
            List<UUID> ids = command.allocations().stream().map(RecordPayment.RequestedAllocation::invoiceId).toList();
            return customerKnown.chain(() -> invoices.lock(ids)).chain(locked -> {
                Map<UUID, ReceivableInvoice> byId = locked.stream()
                        .collect(Collectors.toMap(i -> i.id, Function.identity()));
                InvoiceAllocations.check(command.allocations(), customerId, payment.currency, byId);
                Instant now = now();
                List<Allocation> made = new ArrayList<>();
                for (RecordPayment.RequestedAllocation requested : command.allocations()) {
                    made.add(InvoiceAllocations.allocate(payment, byId.get(requested.invoiceId()), requested.amount(),
                            null, MatchingRule.MANUAL, MatchingRule.MANUAL.confidence(), "allocated by hand",
                            effective, now));
                    payment.unallocatedAmount = payment.unallocatedAmount.subtract(requested.amount());
                }
                boolean assigning = payment.customerId == null;
                payment.customerId = customerId;
                // the account it came from now identifies the customer too, as if it had been known on arrival
                Uni<Void> payer = assigning ? payers.remember(payment.payerAccount, customerId, now)
                        : Uni.createFrom().voidItem();
                payment.inReview = false;
                payment.reviewReason = null;
                payment.deriveStatus();
                Uni<Void> persisted = payer
                        .chain(() -> made.isEmpty() ? Uni.createFrom().voidItem() : allocations.persist(made));
                return persisted.chain(() -> allocations.ofPayment(payment.id)).chain(all -> {
                    List<Allocation> active = all.stream().filter(Allocation::active).toList();
                    Uni<?> event;
                    if (assigning || !payment.published) {
                        payment.published = true;
                        event = outbox.append(actor, "payment", PaymentEvents.received(payment, active, now));
                    } else {
                        event = outbox.append(actor, "payment", PaymentEvents.allocated(payment, made, now, effective));
                    }
                    return event.chain(() -> plans.follow(actor, made.stream().map(a -> a.invoiceId).toList()))
                            .chain(() -> payments.flush()).map(ignored -> new RecordedPayment(payment, all, false));
                });
            });
        });
    }

    /**
     * Takes one allocation back (a wrong match): its invoice is open again by its amount (and its discount) from
     * {@code effectiveDate}, the money returns to the payment's unapplied cash; publishes payment-unallocated.
     */
    public Uni<RecordedPayment> unallocate(Actor actor, UUID paymentId, UUID allocationId, ExpectedVersion expected,
            LocalDate effectiveDate) {
        return locked(paymentId, expected).chain(payment -> {
            LocalDate on = effectiveDate("effectiveDate", effectiveDate, payment);
            return allocations.ofPayment(paymentId).chain(all -> {
                Allocation allocation = all.stream().filter(a -> a.id.equals(allocationId)).findFirst()
                        .orElseThrow(() -> ProblemException.notFound("Payment " + paymentId + " has no allocation "
                                + allocationId));
                if (!allocation.active()) {
                    throw conflict("allocation " + allocationId + " was taken back on " + allocation.removedOn);
                }
                if (on.isBefore(allocation.effectiveDate)) {
                    throw ProblemException.invalid("effectiveDate", "must not be before the allocation's own date "
                            + allocation.effectiveDate);
                }
                return invoices.lock(List.of(allocation.invoiceId)).chain(locked -> {
                    Instant now = now();
                    InvoiceAllocations.remove(allocation, locked.getFirst(), on, now);
                    payment.unallocatedAmount = payment.unallocatedAmount.add(allocation.amount);
                    payment.deriveStatus();
                    PaymentUnallocated event = new PaymentUnallocated(payment.id, payment.customerId,
                            payment.currency, PaymentEvents.allocations(List.of(allocation), payment.currency),
                            PaymentEvents.money(payment.unallocatedAmount, payment.currency), on, now);
                    return outbox.append(actor, "payment", event)
                            .chain(() -> plans.follow(actor, List.of(allocation.invoiceId)))
                            .chain(() -> payments.flush()).map(ignored -> new RecordedPayment(payment, all, false));
                });
            });
        });
    }

    /**
     * Takes {@code amount} of the payment's allocations back, newest first, when money goes back to the payer (a gateway
     * refund) and its unapplied cash does not cover it. The last allocation it needs only part of is split: taken back
     * whole, and what stays is allocated again with the same rule and date (without a discount it took: the invoice is
     * no longer settled by it, so the discount goes back with the part taken). The invoices reopen by what is taken, as
     * of {@code on} (or an allocation's later date); the money returns to the unapplied cash. Publishes one
     * payment-unallocated with what is taken per allocation. Nothing to take when {@code amount} exceeds what is
     * allocated: 409.
     */
    public Uni<RecordedPayment> takeBack(Actor actor, UUID paymentId, BigDecimal amount, LocalDate on) {
        return locked(paymentId, ExpectedVersion.anyVersion()).chain(payment -> allocations.ofPayment(paymentId)
                .chain(all -> {
                    List<Allocation> newestFirst = all.stream().filter(Allocation::active)
                            .sorted(Comparator.comparing((Allocation a) -> a.allocatedAt)
                                    .thenComparing(a -> a.id).reversed())
                            .toList();
                    List<Allocation> taken = new ArrayList<>();
                    BigDecimal left = amount;
                    for (Allocation allocation : newestFirst) {
                        if (left.signum() <= 0) {
                            break;
                        }
                        taken.add(allocation);
                        left = left.subtract(allocation.amount);
                    }
                    if (left.signum() > 0) {
                        throw conflict("payment " + paymentId + " has less allocated than the "
                                + PaymentEvents.money(amount, payment.currency) + " to take back");
                    }
                    // left is now zero or minus what stays of the last allocation taken
                    BigDecimal stays = left.negate();
                    LocalDate effective = taken.stream().map(a -> a.effectiveDate).reduce(on,
                            (a, b) -> a.isAfter(b) ? a : b);
                    return invoices.lock(taken.stream().map(a -> a.invoiceId).distinct().toList()).chain(locked -> {
                        Map<UUID, ReceivableInvoice> byId = locked.stream()
                                .collect(Collectors.toMap(i -> i.id, Function.identity()));
                        Instant now = now();
                        List<PaymentAllocation> published = new ArrayList<>();
                        List<Allocation> made = new ArrayList<>();
                        for (Allocation allocation : taken) {
                            ReceivableInvoice invoice = byId.get(allocation.invoiceId);
                            InvoiceAllocations.remove(allocation, invoice, effective, now);
                            boolean split = allocation == taken.getLast() && stays.signum() > 0;
                            BigDecimal part = split ? allocation.amount.subtract(stays) : allocation.amount;
                            if (split) {
                                made.add(InvoiceAllocations.allocate(payment, invoice, stays, null, allocation.rule,
                                        allocation.confidence, "what stays of "
                                                + PaymentEvents.money(allocation.amount, payment.currency)
                                                + " after " + PaymentEvents.money(part, payment.currency)
                                                + " went back to the payer; "
                                                + allocation.explanation,
                                        allocation.effectiveDate, now));
                            }
                            published.add(new PaymentAllocation(allocation.invoiceId,
                                    PaymentEvents.money(part, payment.currency), allocation.discount == null ? null
                                            : PaymentEvents.money(allocation.discount, payment.currency)));
                        }
                        payment.unallocatedAmount = payment.unallocatedAmount.add(amount);
                        payment.deriveStatus();
                        PaymentUnallocated event = new PaymentUnallocated(payment.id, payment.customerId,
                                payment.currency, published, PaymentEvents.money(payment.unallocatedAmount,
                                        payment.currency),
                                effective, now);
                        Uni<Void> persisted = made.isEmpty() ? Uni.createFrom().voidItem() : allocations.persist(made);
                        return persisted.chain(() -> outbox.append(actor, "payment", event))
                                // what a refund takes back no longer pays a plan's instalments: judged now, as the caller
                                .chain(() -> plans.follow(actor, List.copyOf(byId.keySet())))
                                .chain(() -> payments.flush())
                                .chain(() -> allocations.ofPayment(paymentId))
                                .map(after -> new RecordedPayment(payment, after, false));
                    });
                }));
    }

    /**
     * Reverses the payment: every active allocation is taken back as of {@code date} (its invoices open again), its
     * unapplied cash leaves the customer's balance; publishes payment-reversed when payment-received went out.
     */
    public Uni<RecordedPayment> reverse(Actor actor, UUID paymentId, ExpectedVersion expected, ReversalReason reason,
            LocalDate date, String note) {
        return reverse(actor, paymentId, expected, reason, date, note, null);
    }

    /**
     * The reversal of a chargeback whose gateway set {@code evidenceDueAt}, the deadline for evidence against it: the
     * event carries it, so that the chargeback's dispute is resolved by then.
     */
    public Uni<RecordedPayment> reverse(Actor actor, UUID paymentId, ExpectedVersion expected, ReversalReason reason,
            LocalDate date, String note, Instant evidenceDueAt) {
        return locked(paymentId, expected).chain(payment -> {
            LocalDate on = effectiveDate("date", date, payment);
            if (payment.refundedAmount.signum() > 0) {
                throw conflict("payment " + paymentId + " was refunded in part (" + payment.refundedAmount
                        .toPlainString() + "); a refunded payment cannot be reversed");
            }
            return allocations.ofPayment(paymentId).chain(all -> {
                List<Allocation> active = all.stream().filter(Allocation::active).toList();
                return invoices.lock(active.stream().map(a -> a.invoiceId).toList()).chain(locked -> {
                    Map<UUID, ReceivableInvoice> byId = locked.stream()
                            .collect(Collectors.toMap(i -> i.id, Function.identity()));
                    Instant now = now();
                    Map<UUID, BigDecimal> perInvoice = new LinkedHashMap<>();
                    Map<UUID, BigDecimal> discounts = new LinkedHashMap<>();
                    for (Allocation allocation : active) {
                        InvoiceAllocations.remove(allocation, byId.get(allocation.invoiceId), on, now);
                        perInvoice.merge(allocation.invoiceId, allocation.amount, BigDecimal::add);
                        if (allocation.discount != null) {
                            discounts.merge(allocation.invoiceId, allocation.discount, BigDecimal::add);
                        }
                    }
                    payment.unallocatedAmount = BigDecimal.ZERO;
                    payment.reversalReason = reason.name();
                    payment.reversalDate = on;
                    payment.reversalNote = note;
                    payment.reversedAt = now;
                    payment.inReview = false;
                    payment.deriveStatus();
                    if (!payment.published) {
                        // nothing was published of it, so nothing to take back downstream: of record here only
                        return audit.record(actor, "reversePayment", "payment", payment.id, AuditSummary.of()
                                .change("status", null, payment.status).value("reason", reason))
                                .chain(() -> payments.flush()).map(ignored -> new RecordedPayment(payment, all, false));
                    }
                    List<PaymentAllocation> reversed = perInvoice.entrySet().stream()
                            // the discount goes back too, so that every reader reopens what the payment settled
                            .map(e -> new PaymentAllocation(e.getKey(), PaymentEvents.money(e.getValue(),
                                    payment.currency),
                                    discounts.get(e.getKey()) == null ? null
                                            : PaymentEvents.money(discounts.get(e.getKey()), payment.currency)))
                            .toList();
                    PaymentReversed event = new PaymentReversed(payment.id, payment.customerId, payment.currency,
                            PaymentEvents.money(payment.amount, payment.currency), reason.published(), reversed, on,
                            note, now, evidenceDueAt);
                    return outbox.append(actor, "payment", event)
                            .chain(() -> plans.follow(actor, List.copyOf(perInvoice.keySet())))
                            .chain(() -> payments.flush()).map(ignored -> new RecordedPayment(payment, all, false));
                });
            });
        });
    }

    private Uni<Payment> locked(UUID paymentId, ExpectedVersion expected) {
        return payments.findById(paymentId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No payment " + paymentId))
                .invoke(payment -> {
                    IfMatch.check(expected, payment.version, "Payment " + paymentId);
                    if (payment.reversedAt != null) {
                        throw conflict("payment " + paymentId + " was reversed on " + payment.reversalDate);
                    }
                });
    }

    private static void checkCommand(Payment payment, Allocate command) {
        List<FieldError> errors = new ArrayList<>();
        if (payment.customerId == null && command.customerId() == null) {
            errors.add(new FieldError("customerId", "is required: the payer of this payment is not identified yet"));
        }
        if (payment.customerId != null && command.customerId() != null
                && !payment.customerId.equals(command.customerId())) {
            errors.add(new FieldError("customerId", "the payment belongs to customer " + payment.customerId
                    + "; reverse it (ENTERED_IN_ERROR) and record it again to move it"));
        }
        if (command.allocations().isEmpty() && (payment.customerId != null || command.customerId() == null)) {
            errors.add(new FieldError("allocations", "must name at least one invoice (or assign a customer)"));
        }
        RecordPayment asCommand = new RecordPayment("API", null, null, payment.unallocatedAmount, payment.currency,
                payment.valueDate, payment.method, null, null, null, null, command.allocations());
        List<FieldError> allocationErrors = new ArrayList<>();
        PaymentChecks.allocations(asCommand, payment.currency, allocationErrors);
        allocationErrors.stream().map(e -> e.field().equals("allocations")
                ? new FieldError("allocations", e.message().replace("the payment's amount", "its unapplied cash"))
                : e).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** A date an accountant gives a change: default today (UTC), not before the payment's value date, not later. */
    private LocalDate effectiveDate(String field, LocalDate requested, Payment payment) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate date = requested == null ? today : requested;
        if (date.isBefore(payment.valueDate)) {
            throw ProblemException.invalid(field, "must not be before the payment's value date " + payment.valueDate);
        }
        if (date.isAfter(today)) {
            throw ProblemException.invalid(field, "must not be in the future (today is " + today + " UTC)");
        }
        return date;
    }

    private static ProblemException conflict(String message) {
        return new ProblemException(ProblemType.CONFLICT, message, List.of());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
