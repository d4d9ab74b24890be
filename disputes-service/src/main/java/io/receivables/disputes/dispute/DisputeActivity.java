package io.receivables.disputes.dispute;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of a dispute's timeline besides its comments and attachments: a change of state, an assignment, a
 * resolution, a reopening or an SLA breach, with who did it and when. Written in the change's transaction; never
 * changed.
 */
@Entity
@Table(name = "dispute_activity")
public class DisputeActivity {

    public enum Kind {
        OPENED,
        STATE_CHANGED,
        ASSIGNED,
        RESOLVED,
        WITHDRAWN,
        REOPENED,
        SLA_BREACHED
    }

    @Id
    public UUID id;

    @Column(name = "dispute_id", nullable = false)
    public UUID disputeId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Kind kind;

    @Column(name = "actor_kind", nullable = false, length = 16)
    public String actorKind;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_username")
    public String actorUsername;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 24)
    public DisputeState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", length = 24)
    public DisputeState toState;

    @Column(length = 64)
    public String team;

    @Column(length = 100)
    public String owner;

    @Column(length = 4000)
    public String note;
}
