package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * dispute-sla-breached: a dispute's first response or resolution ({@code kind}) was due at {@code dueAt} and had not
 * happened when disputes-service checked at {@code breachedAt}. Published once per dispute and kind. {@code owner} is
 * absent while the dispute waits unassigned in its team's queue.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisputeSlaBreached(
        UUID disputeId,
        UUID customerId,
        UUID invoiceId,
        String reasonCode,
        Kind kind,
        Instant dueAt,
        Instant breachedAt,
        String state,
        String team,
        String owner,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}: OutboxWriter writes the actor of the change into what it publishes. */
    public DisputeSlaBreached(UUID disputeId, UUID customerId, UUID invoiceId, String reasonCode, Kind kind,
            Instant dueAt, Instant breachedAt, String state, String team, String owner) {
        this(disputeId, customerId, invoiceId, reasonCode, kind, dueAt, breachedAt, state, team, owner, null);
    }

    /** Which due time passed. */
    @Schema(name = "DisputeSlaKind")
    public enum Kind {
        /** No answer to the customer by the first-response due time. */
        FIRST_RESPONSE,
        /** Not resolved (nor withdrawn) by the resolution due time. */
        RESOLUTION
    }

    public DisputeSlaBreached {
        requireNonNull(disputeId, "disputeId");
        requireNonNull(customerId, "customerId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(reasonCode, "reasonCode");
        requireNonNull(kind, "kind");
        requireNonNull(dueAt, "dueAt");
        requireNonNull(breachedAt, "breachedAt");
        requireNonNull(state, "state");
        requireNonNull(team, "team");
    }

    @Override
    public UUID subjectId() {
        return disputeId;
    }
}
