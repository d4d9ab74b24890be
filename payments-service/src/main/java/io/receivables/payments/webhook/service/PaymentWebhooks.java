package io.receivables.payments.webhook.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.contracts.events.Actor;
import io.receivables.payments.payment.repository.PaymentRepository;
import io.receivables.payments.payment.service.PaymentChanges;
import io.receivables.payments.payment.service.PaymentRecording;
import io.receivables.payments.payment.service.RecordPayment;
import io.receivables.payments.receivable.InvoiceState;
import io.receivables.payments.receivable.repository.ReceivableCustomerRepository;
import io.receivables.payments.receivable.repository.ReceivableInvoiceRepository;
import io.receivables.payments.webhook.PaymentWebhookCommand;
import io.receivables.payments.webhook.WebhookRejectedException;
import io.smallrye.mutiny.Uni;

/**
 * Applies a verified delivery of the generic payments webhook once: its {@code webhook-id} is claimed in
 * {@code processed_webhook} (provider {@value #PROVIDER}) in the transaction of its effect, as Stripe's event ids are.
 * A payment is recorded under source {@link PaymentWebhookCommand#SOURCE} with the provider's payment id as its
 * external reference, so that the same payment sent again under another webhook-id records nothing twice either. Runs
 * in the caller's transaction.
 */
@ApplicationScoped
public class PaymentWebhooks {

    /** The deliveries' ids in {@code processed_webhook}. */
    public static final String PROVIDER = "standard";

    /** Who records what a signed delivery does: the webhook, as a system actor (the provider sends no user). */
    public static final Actor ACTOR = Actor.system("payments-webhook");

    /** What a delivery did; {@code duplicate} when its webhook-id was processed before. */
    public record Outcome(String webhookId, boolean duplicate, String outcome, UUID paymentId) {
    }

    private final PaymentRecording recording;
    private final PaymentChanges changes;
    private final PaymentRepository payments;
    private final ReceivableInvoiceRepository invoices;
    private final ReceivableCustomerRepository customers;
    private final ProcessedWebhooks processed;
    private final Clock clock;

    @Inject
    public PaymentWebhooks(PaymentRecording recording, PaymentChanges changes, PaymentRepository payments,
            ReceivableInvoiceRepository invoices, ReceivableCustomerRepository customers, ProcessedWebhooks processed,
            Clock clock) {
        this.recording = recording;
        this.changes = changes;
        this.payments = payments;
        this.invoices = invoices;
        this.customers = customers;
        this.processed = processed;
        this.clock = clock;
    }

    public Uni<Outcome> apply(String webhookId, PaymentWebhookCommand command) {
        String type = command instanceof PaymentWebhookCommand.Received ? "payment.received" : "payment.reversed";
        return processed.claim(PROVIDER, webhookId, type).chain(claimed -> {
            if (!claimed) {
                return processed.previous(PROVIDER, webhookId)
                        .map(before -> new Outcome(webhookId, true, "processed before: " + before, null));
            }
            Uni<Outcome> effect = switch (command) {
                case PaymentWebhookCommand.Received received -> received(webhookId, received);
                case PaymentWebhookCommand.Reversed reversed -> reversed(webhookId, reversed);
            };
            return effect.call(outcome -> processed.remember(PROVIDER, webhookId, outcome.outcome()));
        });
    }

    /**
     * As Stripe's {@code payment_intent.succeeded}: the invoice of the metadata, when open in the currency, is an
     * explicit allocation (at most its open amount); else the metadata's customer, when known, and cash application
     * decide. A metadata id that names nothing known here is not an error: the money arrived and is recorded.
     */
    private Uni<Outcome> received(String webhookId, PaymentWebhookCommand.Received received) {
        return allocation(received).chain(allocation -> customer(received.customerId()).chain(customerId -> {
            RecordPayment command = new RecordPayment(PaymentWebhookCommand.SOURCE, received.paymentId(),
                    allocation.isEmpty() ? customerId : null, received.amount(), received.currency(),
                    received.valueDate(), received.method(), received.payerName(), received.payerAccount(),
                    received.remittanceText(), received.structuredReference(), allocation);
            return recording.record(ACTOR, command).map(recorded -> new Outcome(webhookId, false,
                    recorded.duplicate() ? "payment " + received.paymentId() + " recorded before"
                            : recorded.payment().customerId == null ? "recorded, payer not identified (in review)"
                                    : "recorded, " + recorded.payment().status,
                    recorded.payment().id));
        }));
    }

    private Uni<List<RecordPayment.RequestedAllocation>> allocation(PaymentWebhookCommand.Received received) {
        if (received.invoiceId() == null) {
            return Uni.createFrom().item(List.of());
        }
        return invoices.findById(received.invoiceId()).map(invoice -> {
            if (invoice == null || invoice.state != InvoiceState.OPEN
                    || !invoice.currency.equals(received.currency()) || invoice.openAmount.signum() <= 0) {
                return List.of();
            }
            BigDecimal amount = received.amount().min(invoice.openAmount);
            return List.of(new RecordPayment.RequestedAllocation(invoice.id, amount));
        });
    }

    private Uni<UUID> customer(UUID customerId) {
        return customerId == null ? Uni.createFrom().nullItem()
                : customers.findById(customerId).map(known -> known == null ? null : known.id);
    }

    /** Reverses the payment recorded under the provider's payment id; dated {@code data.date}, default today. */
    private Uni<Outcome> reversed(String webhookId, PaymentWebhookCommand.Reversed reversed) {
        return payments.bySourceReference(PaymentWebhookCommand.SOURCE, reversed.paymentId()).chain(payment -> {
            if (payment == null) {
                return Uni.createFrom().item(new Outcome(webhookId, false, "no payment " + reversed.paymentId()
                        + " was received through this webhook; reverse it by hand", null));
            }
            if (payment.reversedAt != null) {
                return Uni.createFrom().item(new Outcome(webhookId, false, "payment " + reversed.paymentId()
                        + " reversed before, on " + payment.reversalDate, payment.id));
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            LocalDate on = reversed.date() == null ? today : reversed.date();
            if (on.isAfter(today)) {
                throw new WebhookRejectedException("data.date", "must not be in the future (today is " + today
                        + " UTC)");
            }
            if (on.isBefore(payment.valueDate)) {
                throw new WebhookRejectedException("data.date", "must not be before the payment's value date "
                        + payment.valueDate);
            }
            return changes.reverse(ACTOR, payment.id, ExpectedVersion.anyVersion(), reversed.reason(), on,
                    reversed.note() != null ? reversed.note() : "reversed by the provider (webhook " + webhookId + ")")
                    .map(done -> new Outcome(webhookId, false, "payment " + reversed.paymentId() + " reversed ("
                            + reversed.reason() + ")", payment.id));
        });
    }
}
