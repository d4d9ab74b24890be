package io.receivables.dunning.receivable.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.money.Currencies;
import io.receivables.dunning.receivable.DisputeHold;
import io.receivables.dunning.receivable.DunningInvoice;
import io.receivables.dunning.receivable.repository.DisputeHoldRepository;
import io.smallrye.mutiny.Uni;

/**
 * What disputes hold from collection, from ar.disputes.events: dispute-opened and dispute-reopened hold the disputed
 * amount on the invoice, dispute-resolved releases it (a credit it grants comes as invoicing's credit-note-issued, which
 * lowers the open amount). The invoice's {@code disputedAmount} is always the sum of its open disputes, recomputed on
 * each change, so that a redelivered or reordered event cannot count a dispute twice. Joins the inbox transaction of the
 * consumer; a dispute on an invoice not seen yet is parked until it arrives.
 */
@ApplicationScoped
public class DisputeHolds {

    private final Receivables receivables;
    private final DisputeHoldRepository disputes;
    private final Clock clock;

    @Inject
    public DisputeHolds(Receivables receivables, DisputeHoldRepository disputes, Clock clock) {
        this.receivables = receivables;
        this.disputes = disputes;
        this.clock = clock;
    }

    /** A dispute change as the three events carry it. */
    public record DisputeChange(String eventType, UUID disputeId, UUID customerId, UUID invoiceId, String currency,
            BigDecimal disputedAmount) {
    }

    /** dispute-opened and dispute-reopened: the amount is held from collection. */
    public Uni<Void> held(DisputeChange change) {
        return apply(change, true);
    }

    /** dispute-resolved: the amount is no longer held. */
    public Uni<Void> released(DisputeChange change) {
        return apply(change, false);
    }

    private Uni<Void> apply(DisputeChange change, boolean open) {
        return receivables.known(change.invoiceId()).chain(invoice -> {
            check(change, invoice);
            return disputes.findById(change.disputeId()).chain(found -> {
                DisputeHold dispute = found == null ? new DisputeHold() : found;
                if (found != null && !found.invoiceId.equals(change.invoiceId())) {
                    throw new MalformedEventException(change.eventType() + " names invoice " + change.invoiceId()
                            + " for dispute " + change.disputeId() + ", which is on invoice " + found.invoiceId);
                }
                dispute.id = change.disputeId();
                dispute.invoiceId = change.invoiceId();
                dispute.customerId = change.customerId();
                dispute.disputedAmount = change.disputedAmount();
                dispute.open = open;
                dispute.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                Uni<Void> saved = found == null ? disputes.persist(dispute).replaceWithVoid()
                        : Uni.createFrom().voidItem();
                return saved.chain(() -> disputes.openAmountOn(invoice.id)).invoke(sum -> {
                    invoice.disputedAmount = Currencies.round(sum, invoice.currency);
                });
            });
        }).replaceWithVoid();
    }

    private static void check(DisputeChange change, DunningInvoice invoice) {
        if (!invoice.currency.equals(change.currency())) {
            throw new MalformedEventException(change.eventType() + " of dispute " + change.disputeId() + " is in "
                    + change.currency() + " but invoice " + invoice.number + " is in " + invoice.currency);
        }
        if (!invoice.customerId.equals(change.customerId())) {
            throw new MalformedEventException(change.eventType() + " of dispute " + change.disputeId()
                    + " names customer " + change.customerId() + " but invoice " + invoice.number + " is "
                    + invoice.customerId + "'s");
        }
    }
}
