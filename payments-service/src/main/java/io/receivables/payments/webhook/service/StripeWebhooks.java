package io.receivables.payments.webhook.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.contracts.events.RefundIssued;
import io.receivables.payments.balance.service.CustomerBalances;
import io.receivables.payments.payment.Payment;
import io.receivables.payments.payment.repository.AllocationRepository;
import io.receivables.payments.payment.repository.PaymentRepository;
import io.receivables.payments.payment.service.PaymentChanges;
import io.receivables.payments.payment.service.PaymentRecording;
import io.receivables.payments.payment.service.RecordPayment;
import io.receivables.payments.receivable.InvoiceState;
import io.receivables.payments.receivable.repository.ReceivableCustomerRepository;
import io.receivables.payments.receivable.repository.ReceivableInvoiceRepository;
import io.receivables.payments.webhook.StripeCommand;
import io.smallrye.mutiny.Uni;

/**
 * Applies a verified Stripe event once: the event id is claimed in {@code processed_webhook} in the same transaction as
 * the effect, so a redelivery (Stripe delivers at least once, and retries for days) changes nothing, and an effect that
 * fails leaves no claim behind, so Stripe's retry tries it again. Runs in the caller's transaction.
 */
@ApplicationScoped
public class StripeWebhooks {

    public static final String SOURCE = "STRIPE";
    /** Stripe's event ids in {@code processed_webhook}. */
    static final String PROVIDER = "stripe";

    /** What a delivery did; {@code duplicate} when the event was processed before. */
    public record Outcome(String eventId, boolean duplicate, String outcome, UUID paymentId) {
    }

    private final PaymentRecording recording;
    private final PaymentChanges changes;
    private final PaymentRepository payments;
    private final ReceivableInvoiceRepository invoices;
    private final ReceivableCustomerRepository customers;
    private final AllocationRepository allocations;
    private final CustomerBalances balances;
    private final ProcessedWebhooks processed;
    private final Clock clock;

    @Inject
    public StripeWebhooks(PaymentRecording recording, PaymentChanges changes, PaymentRepository payments,
            ReceivableInvoiceRepository invoices, ReceivableCustomerRepository customers,
            AllocationRepository allocations, CustomerBalances balances, ProcessedWebhooks processed, Clock clock) {
        this.recording = recording;
        this.changes = changes;
        this.payments = payments;
        this.invoices = invoices;
        this.customers = customers;
        this.allocations = allocations;
        this.balances = balances;
        this.processed = processed;
        this.clock = clock;
    }

    /** Who records what a signed Stripe event does: the webhook, as a system actor (Stripe sends no user). */
    public static final Actor ACTOR = Actor.system("stripe-webhook");

    public Uni<Outcome> apply(StripeCommand command) {
        String type = command instanceof StripeCommand.Ignored ignored ? ignored.type()
                : command.getClass().getSimpleName();
        return processed.claim(PROVIDER, command.eventId(), type).chain(claimed -> {
            if (!claimed) {
                return processed.previous(PROVIDER, command.eventId()).map(before -> new Outcome(command.eventId(), true,
                        "processed before: " + before, null));
            }
            return effect(command).call(outcome -> processed.remember(PROVIDER, command.eventId(), outcome.outcome()));
        });
    }

    private Uni<Outcome> effect(StripeCommand command) {
        return switch (command) {
            case StripeCommand.PaymentSucceeded paid -> succeeded(paid);
            case StripeCommand.DisputeOpened dispute when dispute.fundsWithdrawn() -> chargeback(dispute);
            case StripeCommand.DisputeOpened dispute -> note(dispute.eventId(),
                    "inquiry " + dispute.disputeId() + " (" + dispute.status() + "): no funds withdrawn, nothing done");
            case StripeCommand.ChargeRefunded refund -> refunded(refund);
            case StripeCommand.DisputeClosed closed when closed.outcome() == StripeCommand.DisputeOutcome.WON ->
                disputeWon(closed);
            case StripeCommand.DisputeClosed closed -> note(closed.eventId(), "dispute " + closed.disputeId()
                    + " closed " + closed.status() + (closed.outcome() == StripeCommand.DisputeOutcome.LOST
                            ? ": the chargeback's reversal stands"
                            : ": no money moved, nothing done"));
            case StripeCommand.Ignored ignored -> note(ignored.eventId(), "ignored: " + ignored.reason());
        };
    }

    private Uni<Outcome> succeeded(StripeCommand.PaymentSucceeded paid) {
        LocalDate valueDate = LocalDate.ofInstant(paid.occurredAt(), ZoneOffset.UTC);
        return allocation(paid).chain(allocation -> customer(paid.customerId()).chain(customerId -> {
            RecordPayment command = new RecordPayment(SOURCE, paid.paymentIntentId(),
                    allocation.isEmpty() ? customerId : null, paid.amount(), paid.currency(), valueDate,
                    PaymentReceived.Method.CARD, null, null, null, null, allocation);
            return recording.record(ACTOR, command).map(recorded -> {
                if (!recorded.duplicate()) {
                    // the charge id is what a dispute may name instead of the PaymentIntent
                    recorded.payment().endToEndId = cut(paid.chargeId());
                }
                String how = recorded.duplicate() ? "PaymentIntent recorded before"
                        : recorded.payment().customerId == null ? "recorded, payer not identified (in review)"
                                : "recorded, " + recorded.payment().status;
                return new Outcome(paid.eventId(), false, how, recorded.payment().id);
            });
        }));
    }

    /** The invoice the checkout named, as an explicit allocation when it is open in this currency; else none. */
    private Uni<List<RecordPayment.RequestedAllocation>> allocation(StripeCommand.PaymentSucceeded paid) {
        UUID invoiceId = uuid(paid.invoiceId());
        if (invoiceId == null) {
            return Uni.createFrom().item(List.of());
        }
        return invoices.findById(invoiceId).map(invoice -> {
            if (invoice == null || invoice.state != InvoiceState.OPEN || !invoice.currency.equals(paid.currency())
                    || invoice.openAmount.signum() <= 0) {
                return List.of();
            }
            BigDecimal amount = paid.amount().min(invoice.openAmount);
            return List.of(new RecordPayment.RequestedAllocation(invoiceId, amount));
        });
    }

    private Uni<UUID> customer(String customerId) {
        UUID id = uuid(customerId);
        return id == null ? Uni.createFrom().nullItem()
                : customers.findById(id).map(known -> known == null ? null : known.id);
    }

    /**
     * The payments recorded from {@code payment_intent.succeeded} that a later event about a charge means: by its
     * PaymentIntent id, else by its charge id (kept as the end-to-end id).
     */
    private Uni<List<Payment>> stripePayments(String paymentIntentId, String chargeId) {
        String reference = paymentIntentId != null ? paymentIntentId : chargeId;
        return payments.byReturnReference(List.of(SOURCE), reference).chain(found -> {
            if (found.isEmpty() && chargeId != null && !chargeId.equals(reference)) {
                return payments.byReturnReference(List.of(SOURCE), chargeId);
            }
            return Uni.createFrom().item(found);
        });
    }

    private Uni<Outcome> chargeback(StripeCommand.DisputeOpened dispute) {
        String reference = dispute.paymentIntentId() != null ? dispute.paymentIntentId() : dispute.chargeId();
        return stripePayments(dispute.paymentIntentId(), dispute.chargeId()).chain(found -> {
            if (found.size() != 1) {
                return note(dispute.eventId(), "chargeback " + dispute.disputeId() + ": " + (found.isEmpty()
                        ? "no payment for " + reference
                        : found.size() + " payments for " + reference)
                        + "; reverse it by hand");
            }
            Payment payment = found.getFirst();
            if (payment.reversedAt != null) {
                return Uni.createFrom().item(new Outcome(dispute.eventId(), false, "chargeback " + dispute.disputeId()
                        + ": payment reversed before, on " + payment.reversalDate, payment.id));
            }
            LocalDate on = dated(dispute.occurredAt(), payment);
            return changes.reverse(ACTOR, payment.id, ExpectedVersion.anyVersion(), PaymentChanges.ReversalReason.CHARGEBACK,
                    on, "Stripe dispute " + dispute.disputeId() + " (" + dispute.reason() + ")",
                    dispute.evidenceDueBy())
                    .map(reversed -> new Outcome(dispute.eventId(), false,
                            "chargeback " + dispute.disputeId() + ": payment reversed", payment.id));
        });
    }

    /**
     * {@code charge.refunded}: the money went back to the payer. Stripe's {@code amount_refunded} is the charge's total
     * so far, so only its difference to what was refunded under the charge id before is applied (a late event with an
     * older total applies nothing). Taken from the payment's unapplied cash first, then from its allocations newest
     * first (payment-unallocated: the invoices reopen); never more than what is left of the payment. Publishes
     * refund-issued with the payment as its source and the charge id as its reference.
     */
    private Uni<Outcome> refunded(StripeCommand.ChargeRefunded refund) {
        String what = "refund of charge " + refund.chargeId();
        return stripePayments(refund.paymentIntentId(), refund.chargeId()).chain(found -> {
            if (found.size() != 1) {
                return note(refund.eventId(), what + ": " + (found.isEmpty() ? "no payment for it"
                        : found.size() + " payments for it") + "; refund it by hand");
            }
            return payments.findById(found.getFirst().id, LockModeType.PESSIMISTIC_WRITE)
                    .chain(payment -> balances.refundedUnder(payment.id, refund.chargeId())
                            .chain(before -> refund(refund, payment, before)));
        });
    }

    private Uni<Outcome> refund(StripeCommand.ChargeRefunded refund, Payment payment, BigDecimal before) {
        String what = "refund of charge " + refund.chargeId();
        if (payment.reversedAt != null) {
            return note(refund.eventId(), what + ": payment " + payment.id + " was reversed on "
                    + payment.reversalDate + "; nothing left to refund", payment.id);
        }
        if (payment.customerId == null) {
            return note(refund.eventId(), what + ": payment " + payment.id + " has no customer yet (in review);"
                    + " assign it, then refund by hand", payment.id);
        }
        if (!payment.currency.equals(refund.currency())) {
            return note(refund.eventId(), what + ": in " + refund.currency() + " but payment " + payment.id
                    + " is in " + payment.currency + "; refund it by hand", payment.id);
        }
        BigDecimal delta = Currencies.round(refund.refundedTotal().subtract(before), payment.currency);
        if (delta.signum() <= 0) {
            return note(refund.eventId(), what + ": " + refund.refundedTotal().toPlainString() + " in total, "
                    + Currencies.round(before, payment.currency).toPlainString() + " refunded before: nothing new",
                    payment.id);
        }
        // what is left of the payment: its allocations and its unapplied cash
        BigDecimal left = payment.amount.subtract(payment.refundedAmount);
        BigDecimal amount = Currencies.round(delta.min(left), payment.currency);
        if (amount.signum() <= 0) {
            return note(refund.eventId(), what + ": payment " + payment.id + " is refunded in full already",
                    payment.id);
        }
        BigDecimal fromAllocations = Currencies.round(amount.subtract(payment.unallocatedAmount)
                .max(BigDecimal.ZERO), payment.currency);
        LocalDate on = dated(refund.occurredAt(), payment);
        Uni<?> takenBack = fromAllocations.signum() == 0 ? Uni.createFrom().voidItem()
                : changes.takeBack(ACTOR, payment.id, fromAllocations, on);
        String note = "Stripe refund of charge " + refund.chargeId()
                + (refund.latestRefundId() == null ? "" : " (" + refund.latestRefundId() + ")")
                + (refund.paymentIntentId() == null ? "" : ", PaymentIntent " + refund.paymentIntentId());
        return takenBack.chain(() -> balances.refundPayment(ACTOR, payment, new CustomerBalances.PaymentRefund(
                amount, on, RefundIssued.Method.CARD, refund.chargeId(), note)))
                .map(issued -> new Outcome(refund.eventId(), false, what + ": " + amount.toPlainString() + " "
                        + payment.currency + " refunded" + (fromAllocations.signum() > 0
                                ? ", " + fromAllocations.toPlainString() + " of it taken back from allocations"
                                : " from unapplied cash")
                        + (amount.compareTo(delta) < 0 ? " (" + delta.toPlainString()
                                + " asked, more than is left of the payment)" : "")
                        + "; refund " + issued.refund().id, payment.id));
    }

    /**
     * {@code charge.dispute.closed} won: Stripe gives the disputed funds back, so the cash the chargeback reversed is
     * received again: a new payment of the reversed one's customer and amount, source reference the dispute id (a
     * redelivery, or another event about the same dispute, records nothing twice), allocated to the invoices the
     * reversal reopened while they are open, else applied by cash application.
     */
    private Uni<Outcome> disputeWon(StripeCommand.DisputeClosed closed) {
        String what = "dispute " + closed.disputeId() + " won";
        return stripePayments(closed.paymentIntentId(), closed.chargeId()).chain(found -> {
            if (found.size() != 1) {
                return note(closed.eventId(), what + ": " + (found.isEmpty() ? "no payment for charge "
                        + closed.chargeId() : found.size() + " payments for charge " + closed.chargeId())
                        + "; record the returned funds by hand");
            }
            Payment reversed = found.getFirst();
            if (reversed.reversedAt == null) {
                return note(closed.eventId(), what + ": payment " + reversed.id + " was never reversed;"
                        + " nothing to receive again", reversed.id);
            }
            return allocations.ofPayment(reversed.id)
                    .chain(all -> reopened(reversed, all.stream()
                            .filter(a -> reversed.reversedAt.equals(a.removedAt)).map(a -> a.invoiceId).distinct()
                            .toList()))
                    .chain(requested -> {
                        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                        LocalDate day = LocalDate.ofInstant(closed.occurredAt(), ZoneOffset.UTC);
                        RecordPayment command = new RecordPayment(SOURCE, closed.disputeId(), reversed.customerId,
                                reversed.amount, reversed.currency, day.isAfter(today) ? today : day,
                                PaymentReceived.Method.CARD, reversed.payerName, null,
                                "Stripe dispute " + closed.disputeId() + " won: the funds of "
                                        + (reversed.externalReference != null ? reversed.externalReference
                                                : closed.chargeId())
                                        + " are back",
                                null, requested);
                        return recording.record(ACTOR, command);
                    })
                    .map(recorded -> new Outcome(closed.eventId(), false, what + ": " + (recorded.duplicate()
                            ? "funds received again before, payment " + recorded.payment().id
                            : "funds received again, " + recorded.payment().status), recorded.payment().id));
        });
    }

    /** Allocations of the restored cash to the invoices the reversal reopened, while they are open: oldest first. */
    private Uni<List<RecordPayment.RequestedAllocation>> reopened(Payment reversed, List<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return invoices.list("id in ?1", invoiceIds).map(found -> {
            List<RecordPayment.RequestedAllocation> requested = new ArrayList<>();
            BigDecimal left = reversed.amount;
            for (UUID id : invoiceIds) {
                var invoice = found.stream().filter(i -> i.id.equals(id)).findFirst().orElse(null);
                if (invoice == null || invoice.state != InvoiceState.OPEN || !invoice.currency.equals(reversed.currency)
                        || invoice.openAmount.signum() <= 0 || left.signum() <= 0) {
                    continue;
                }
                BigDecimal amount = left.min(invoice.openAmount);
                requested.add(new RecordPayment.RequestedAllocation(id, amount));
                left = left.subtract(amount);
            }
            return requested;
        });
    }

    /** The event's day (UTC), not before the payment's value date nor after today. */
    private LocalDate dated(Instant occurredAt, Payment payment) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate on = LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
        return on.isAfter(today) ? today : on.isBefore(payment.valueDate) ? payment.valueDate : on;
    }

    private static Uni<Outcome> note(String eventId, String note, UUID paymentId) {
        return Uni.createFrom().item(new Outcome(eventId, false, note, paymentId));
    }

    private static Uni<Outcome> note(String eventId, String note) {
        return Uni.createFrom().item(new Outcome(eventId, false, note, null));
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String cut(String reference) {
        return reference == null || reference.length() > 35 ? null : reference;
    }

}
