package io.receivables.common.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of the audit log: who ({@code actor_*}) did what ({@code operation}) to which entity, when, and a compact
 * summary of the change. Immutable to Hibernate, so that no dirty check ever turns it into an UPDATE; the table's
 * trigger refuses UPDATE and DELETE anyway.
 */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_kind", nullable = false, length = 16)
    public String actorKind;

    @Column(name = "actor_id", nullable = false, length = 255)
    public String actorId;

    @Column(name = "actor_username", length = 255)
    public String actorUsername;

    @Column(name = "actor_client_id", length = 255)
    public String actorClientId;

    @Column(nullable = false, length = 64)
    public String operation;

    @Column(name = "entity_type", nullable = false, length = 64)
    public String entityType;

    @Column(name = "entity_id", nullable = false, length = 64)
    public String entityId;

    /** The {@link AuditSummary}: {@code {"changes": [{"field": ..., "from": ..., "to": ...}]}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String summary;
}
