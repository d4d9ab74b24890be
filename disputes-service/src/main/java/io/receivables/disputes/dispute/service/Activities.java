package io.receivables.disputes.dispute.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.contracts.events.Actor;
import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.dispute.DisputeActivity;
import io.receivables.disputes.dispute.DisputeState;
import io.receivables.disputes.dispute.repository.DisputeActivityRepository;
import io.smallrye.mutiny.Uni;

/** Writes a dispute's timeline entry for a change, in the change's transaction: who, when, from/to, team/owner. */
@ApplicationScoped
public class Activities {

    private final DisputeActivityRepository activities;

    @Inject
    public Activities(DisputeActivityRepository activities) {
        this.activities = activities;
    }

    /** An entry with the dispute's team and owner as they are after the change. */
    public Uni<Void> record(Dispute dispute, DisputeActivity.Kind kind, Actor actor, Instant at, DisputeState from,
            DisputeState to, String note) {
        DisputeActivity activity = new DisputeActivity();
        activity.id = UUID.randomUUID();
        activity.disputeId = dispute.id;
        activity.occurredAt = at;
        activity.kind = kind;
        activity.actorKind = actor.kind().name();
        activity.actorId = actor.id();
        activity.actorUsername = actor.username() != null ? actor.username() : actor.clientId();
        activity.fromState = from;
        activity.toState = to;
        activity.team = dispute.team;
        activity.owner = dispute.owner;
        activity.note = note;
        return activities.persist(activity).replaceWithVoid();
    }
}
