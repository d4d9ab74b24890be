package io.receivables.disputes.dispute.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.PaymentAllocation;
import io.receivables.contracts.events.PaymentReversed;
import io.smallrye.mutiny.Uni;

/**
 * A card payment charged back (payment-reversed with reasonCode CHARGEBACK) is a dispute the platform opens: one
 * CHARGEBACK dispute per invoice the payment had paid, for what it paid there, in the consumer's transaction after the
 * reversal reopened the invoice. Exactly once: the inbox skips a redelivered event, and a payment and invoice that have
 * their dispute already (an event published twice under two ids) get no second one (unique index besides).
 */
@ApplicationScoped
public class Chargebacks {

    /** Who opens chargeback disputes (docs/security.md: system actors). */
    public static final Actor ACTOR = Actor.system("payments-events-consumer");

    private final DisputeOpening opening;

    @Inject
    public Chargebacks(DisputeOpening opening) {
        this.opening = opening;
    }

    public Uni<Void> reversed(PaymentReversed reversal) {
        if (reversal.reasonCode() != PaymentReversed.ReasonCode.CHARGEBACK) {
            return Uni.createFrom().voidItem();
        }
        // in invoice id order, as every writer locks invoices
        TreeMap<UUID, BigDecimal> perInvoice = new TreeMap<>();
        for (PaymentAllocation allocation : reversal.reversedAllocations()) {
            perInvoice.merge(allocation.invoiceId(), allocation.amount(), BigDecimal::add);
        }
        String description = "Card payment " + reversal.paymentId() + " was charged back on "
                + reversal.reversalDate() + (FreeText.optional(reversal.note()) == null ? ""
                        : ": " + FreeText.optional(reversal.note()));
        String bounded = description.length() > 2000 ? description.substring(0, 2000).strip() : description;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var entry : List.copyOf(perInvoice.entrySet())) {
            chain = chain.chain(() -> opening.openChargeback(ACTOR, entry.getKey(), reversal.paymentId(),
                    entry.getValue(), bounded, reversal.evidenceDueAt()).replaceWithVoid());
        }
        return chain;
    }
}
