package io.receivables.common.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.contracts.events.Actor;

/** One entry of the audit log as {@code GET /audit} answers it. */
@Schema(name = "AuditEntry", description = "Who changed what, and when")
public record AuditRecord(UUID id,
        @Schema(description = "When the change was made, UTC") Instant occurredAt,
        Actor actor,
        @Schema(description = "The REST operation (operationId) or the event type that made the change", maxLength = 64) String operation,
        @Schema(description = "What kind of entity changed, e.g. invoice", maxLength = 64) String entityType,
        @Schema(description = "The changed entity's id", maxLength = 64) String entityId,
        @Schema(description = "The fields that changed, compactly (e.g. status before and after, the amount)") List<AuditSummary.Change> summary) {

    static AuditRecord of(AuditEntry entry) {
        return new AuditRecord(entry.id, entry.occurredAt,
                new Actor(Actor.Kind.valueOf(entry.actorKind), entry.actorId, entry.actorUsername, entry.actorClientId),
                entry.operation, entry.entityType, entry.entityId, AuditSummary.read(entry.summary));
    }
}
