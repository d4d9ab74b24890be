package io.receivables.disputes.dispute.service;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.audit.AuditSummary;
import io.receivables.common.money.Currencies;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.DisputeOpened;
import io.receivables.contracts.events.DisputeReopened;
import io.receivables.contracts.events.DisputeResolved;
import io.receivables.contracts.events.DisputeUpdated;
import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.dispute.DisputeState;
import io.smallrye.mutiny.Uni;

/**
 * The dispute's events, appended to the outbox (and audited) in the change's transaction. Amounts go out in the
 * currency's minor units, as every consumer checks them.
 */
@ApplicationScoped
public class DisputeEvents {

    static final String AGGREGATE = "dispute";

    private final OutboxWriter outbox;

    @Inject
    public DisputeEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> opened(Actor actor, Dispute d) {
        DisputeOpened event = new DisputeOpened(d.id, d.customerId, d.invoiceId, d.currency, money(d.disputedAmount, d),
                DisputeOpened.ReasonCode.valueOf(d.reasonCode.name()), d.description, d.resolutionDueAt, d.openedAt,
                null);
        return outbox.append(actor, AGGREGATE, event, AuditSummary.of().value("team", d.team).value("owner", d.owner))
                .replaceWithVoid();
    }

    public Uni<Void> resolved(Actor actor, Dispute d, DisputeState from) {
        DisputeResolved event = new DisputeResolved(d.id, d.customerId, d.invoiceId, d.currency,
                money(d.disputedAmount, d), DisputeResolved.Outcome.valueOf(d.outcome.name()),
                money(d.creditedAmount, d), d.resolutionNote, d.resolvedAt, null);
        return outbox.append(actor, AGGREGATE, event, AuditSummary.of().change("state", from, d.state))
                .replaceWithVoid();
    }

    public Uni<Void> stateChanged(Actor actor, Dispute d, DisputeState from) {
        DisputeUpdated event = new DisputeUpdated(d.id, d.customerId, d.invoiceId, DisputeUpdated.Change.STATE,
                state(d.state), state(from), d.team, null, d.owner, null, d.updatedAt, null);
        return outbox.append(actor, AGGREGATE, event, AuditSummary.of().change("state", from, d.state))
                .replaceWithVoid();
    }

    public Uni<Void> assigned(Actor actor, Dispute d, String previousTeam, String previousOwner) {
        DisputeUpdated event = new DisputeUpdated(d.id, d.customerId, d.invoiceId, DisputeUpdated.Change.ASSIGNMENT,
                state(d.state), null, d.team, previousTeam, d.owner, previousOwner, d.updatedAt, null);
        return outbox.append(actor, AGGREGATE, event,
                AuditSummary.of().change("team", previousTeam, d.team).change("owner", previousOwner, d.owner))
                .replaceWithVoid();
    }

    public Uni<Void> reopened(Actor actor, Dispute d, String reason, Instant at) {
        DisputeReopened event = new DisputeReopened(d.id, d.customerId, d.invoiceId, d.currency,
                money(d.disputedAmount, d), reason, at, null);
        return outbox.append(actor, AGGREGATE, event,
                AuditSummary.of().change("state", DisputeState.RESOLVED, d.state)).replaceWithVoid();
    }

    private static DisputeUpdated.State state(DisputeState state) {
        return DisputeUpdated.State.valueOf(state.name());
    }

    private static BigDecimal money(BigDecimal amount, Dispute d) {
        return Currencies.round(amount == null ? BigDecimal.ZERO : amount, d.currency);
    }
}
