package io.receivables.disputes.sla.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.DisputeSlaBreached;
import io.receivables.contracts.events.DisputeSlaBreached.Kind;
import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.dispute.DisputeActivity;
import io.receivables.disputes.dispute.repository.DisputeActivityRepository;
import io.receivables.disputes.dispute.repository.DisputeRepository;
import io.smallrye.mutiny.Uni;

/**
 * Finds the SLA due times that passed and stamps each breach once. The stamp is a conditional update ({@code ... WHERE
 * ..._breached_at IS NULL} and the breach still stands): of two replicas checking at once, the second waits for the
 * first's row lock, finds the stamp and changes nothing, so exactly one writes the activity and the event.
 */
@ApplicationScoped
public class SlaBreaches {

    /** A due time that passed: dispute and kind, oldest due first. */
    @Schema(name = "DisputeSlaDue", description = "A due time that passed and is not stamped yet")
    public record Due(UUID disputeId, Kind kind, Instant dueAt) {
    }

    /** A breach this run stamped. */
    @Schema(name = "DisputeSlaBreach", description = "A breach the run stamped and published")
    public record Breach(UUID disputeId, Kind kind, Instant dueAt, Instant breachedAt) {
    }

    private static final String ACTIVE = "state NOT IN ('RESOLVED', 'WITHDRAWN')";

    private static final String DUE = """
            SELECT id, kind, due_at FROM (
                SELECT id, 'FIRST_RESPONSE' AS kind, first_response_due_at AS due_at FROM dispute
                WHERE first_response_due_at <= :now AND first_response_at IS NULL
                  AND first_response_breached_at IS NULL AND %1$s
                UNION ALL
                SELECT id, 'RESOLUTION', resolution_due_at FROM dispute
                WHERE resolution_due_at <= :now AND resolution_breached_at IS NULL AND %1$s
            ) due ORDER BY due_at, id, kind LIMIT :limit""".formatted(ACTIVE);

    // version + 1: an edit read before the stamp fails its optimistic check instead of writing the old null back
    private static final String STAMP_FIRST_RESPONSE = """
            UPDATE dispute SET first_response_breached_at = :now, updated_at = :now, version = version + 1
            WHERE id = :id AND first_response_breached_at IS NULL AND first_response_at IS NULL
              AND first_response_due_at <= :now AND %s""".formatted(ACTIVE);

    private static final String STAMP_RESOLUTION = """
            UPDATE dispute SET resolution_breached_at = :now, updated_at = :now, version = version + 1
            WHERE id = :id AND resolution_breached_at IS NULL AND resolution_due_at <= :now AND %s""".formatted(ACTIVE);

    private final DisputeRepository disputes;
    private final DisputeActivityRepository activities;
    private final OutboxWriter outbox;

    @Inject
    public SlaBreaches(DisputeRepository disputes, DisputeActivityRepository activities, OutboxWriter outbox) {
        this.disputes = disputes;
        this.activities = activities;
        this.outbox = outbox;
    }

    /** At most {@code limit} due times passed by {@code now} and not yet stamped, oldest first; in the caller's session. */
    public Uni<List<Due>> due(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DUE, Object[].class)
                .setParameter("now", now).setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(row -> new Due((UUID) row[0], Kind.valueOf((String) row[1]),
                        instant(row[2]))).toList());
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }

    /**
     * Stamps the breach of {@code kind} on the dispute as of {@code now}, with its activity and its
     * dispute-sla-breached event, in the caller's transaction; empty when it no longer stands (answered, resolved,
     * withdrawn, or already stamped by another run).
     */
    public Uni<Optional<Breach>> stamp(Actor actor, UUID disputeId, Kind kind, Instant now) {
        String update = kind == Kind.FIRST_RESPONSE ? STAMP_FIRST_RESPONSE : STAMP_RESOLUTION;
        return Panache.getSession().chain(session -> session.createNativeQuery(update)
                .setParameter("id", disputeId).setParameter("now", now).executeUpdate())
                .chain(changed -> changed == 0 ? Uni.createFrom().item(Optional.<Breach> empty())
                        : disputes.findById(disputeId).chain(dispute -> record(actor, dispute, kind, now)));
    }

    private Uni<Optional<Breach>> record(Actor actor, Dispute dispute, Kind kind, Instant now) {
        Instant dueAt = kind == Kind.FIRST_RESPONSE ? dispute.firstResponseDueAt : dispute.resolutionDueAt;
        DisputeActivity activity = new DisputeActivity();
        activity.id = UUID.randomUUID();
        activity.disputeId = dispute.id;
        activity.occurredAt = now;
        activity.kind = DisputeActivity.Kind.SLA_BREACHED;
        activity.actorKind = actor.kind().name();
        activity.actorId = actor.id();
        activity.actorUsername = actor.username();
        activity.fromState = dispute.state;
        activity.toState = dispute.state;
        activity.team = dispute.team;
        activity.owner = dispute.owner;
        activity.note = (kind == Kind.FIRST_RESPONSE ? "First response" : "Resolution") + " SLA breached (" + kind
                + "): due at " + dueAt;
        DisputeSlaBreached event = new DisputeSlaBreached(dispute.id, dispute.customerId, dispute.invoiceId,
                dispute.reasonCode.name(), kind, dueAt, now, dispute.state.name(), dispute.team, dispute.owner);
        return activities.persist(activity)
                .chain(() -> outbox.append(actor, "dispute", event,
                        AuditSummary.of().value("slaKind", kind).value("dueAt", dueAt)))
                .map(ignored -> Optional.of(new Breach(dispute.id, kind, dueAt, now)));
    }
}
