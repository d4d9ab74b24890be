package io.receivables.disputes.evidence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A comment on a dispute, internal or visible to its customer. Never changed once written. */
@Entity
@Immutable
@Table(name = "dispute_comment")
public class DisputeComment {

    @Id
    public UUID id;

    @Column(name = "dispute_id", nullable = false)
    public UUID disputeId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Author author;

    @Column(name = "actor_kind", nullable = false, length = 16)
    public String actorKind;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_username")
    public String actorUsername;

    @Column(nullable = false, length = EvidenceLimits.COMMENT_MAX_LENGTH)
    public String text;
}
