package io.receivables.payments.webhook.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.payments.payment.Payment;
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

    /** What a delivery did; {@code duplicate} when the event was processed before. */
    public record Outcome(String eventId, boolean duplicate, String outcome, UUID paymentId) {
    }

    private final PaymentRecording recording;
    private final PaymentChanges changes;
    private final PaymentRepository payments;
    private final ReceivableInvoiceRepository invoices;
    private final ReceivableCustomerRepository customers;
    private final Clock clock;

    @Inject
    public StripeWebhooks(PaymentRecording recording, PaymentChanges changes, PaymentRepository payments,
            ReceivableInvoiceRepository invoices, ReceivableCustomerRepository customers, Clock clock) {
        this.recording = recording;
        this.changes = changes;
        this.payments = payments;
        this.invoices = invoices;
        this.customers = customers;
        this.clock = clock;
    }

    /** Who records what a signed Stripe event does: the webhook, as a system actor (Stripe sends no user). */
    public static final Actor ACTOR = Actor.system("stripe-webhook");

    public Uni<Outcome> apply(StripeCommand command) {
        String type = command instanceof StripeCommand.Ignored ignored ? ignored.type()
                : command.getClass().getSimpleName();
        return claim(command.eventId(), type).chain(claimed -> {
            if (!claimed) {
                return previous(command.eventId()).map(before -> new Outcome(command.eventId(), true,
                        "processed before: " + before, null));
            }
            return effect(command).call(outcome -> remember(command.eventId(), outcome.outcome()));
        });
    }

    private Uni<Outcome> effect(StripeCommand command) {
        return switch (command) {
            case StripeCommand.PaymentSucceeded paid -> succeeded(paid);
            case StripeCommand.DisputeOpened dispute when dispute.fundsWithdrawn() -> chargeback(dispute);
            case StripeCommand.DisputeOpened dispute -> note(dispute.eventId(),
                    "inquiry " + dispute.disputeId() + " (" + dispute.status() + "): no funds withdrawn, nothing done");
            case StripeCommand.ChargeRefunded refund -> note(refund.eventId(), "charge " + refund.chargeId()
                    + " refunded " + refund.refundedTotal().toPlainString() + " " + refund.currency()
                    + " in total: recorded, not applied automatically; record the refund in payments by hand");
            case StripeCommand.DisputeClosed closed -> note(closed.eventId(), "dispute " + closed.disputeId()
                    + " closed " + closed.outcome() + ": recorded, not applied automatically"
                    + (closed.outcome() == StripeCommand.DisputeOutcome.WON
                            ? "; the funds come back: record them as a payment by hand"
                            : ""));
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

    private Uni<Outcome> chargeback(StripeCommand.DisputeOpened dispute) {
        String reference = dispute.paymentIntentId() != null ? dispute.paymentIntentId() : dispute.chargeId();
        return payments.byReturnReference(List.of(SOURCE), reference).chain(found -> {
            if (found.isEmpty() && dispute.chargeId() != null && !dispute.chargeId().equals(reference)) {
                return payments.byReturnReference(List.of(SOURCE), dispute.chargeId());
            }
            return Uni.createFrom().item(found);
        }).chain(found -> {
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
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            LocalDate on = LocalDate.ofInstant(dispute.occurredAt(), ZoneOffset.UTC);
            on = on.isAfter(today) ? today : on.isBefore(payment.valueDate) ? payment.valueDate : on;
            return changes.reverse(ACTOR, payment.id, ExpectedVersion.anyVersion(), PaymentChanges.ReversalReason.CHARGEBACK,
                    on, "Stripe dispute " + dispute.disputeId() + " (" + dispute.reason() + ")")
                    .map(reversed -> new Outcome(dispute.eventId(), false,
                            "chargeback " + dispute.disputeId() + ": payment reversed", payment.id));
        });
    }

    private static Uni<Outcome> note(String eventId, String note) {
        return Uni.createFrom().item(new Outcome(eventId, false, note, null));
    }

    /** True when this transaction claimed the event; false when it was processed before (waits for a concurrent one). */
    private Uni<Boolean> claim(String eventId, String type) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO processed_webhook (provider, event_id, event_type, outcome, processed_at)"
                        + " VALUES ('stripe', :id, :type, '', :at) ON CONFLICT DO NOTHING")
                .setParameter("id", eventId).setParameter("type", cutTo(type, 64))
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate())
                .map(rows -> rows == 1);
    }

    private Uni<Void> remember(String eventId, String outcome) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("UPDATE processed_webhook SET outcome = :outcome WHERE provider = 'stripe'"
                        + " AND event_id = :id")
                .setParameter("outcome", cutTo(outcome, 500)).setParameter("id", eventId).executeUpdate())
                .replaceWithVoid();
    }

    private Uni<String> previous(String eventId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT outcome FROM processed_webhook WHERE provider = 'stripe' AND event_id = :id",
                        String.class)
                .setParameter("id", eventId).getSingleResult());
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

    private static String cutTo(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
