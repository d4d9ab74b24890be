package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * escalation-recalled: an escalation (account-escalated with the same {@code escalationId}) was taken back from the
 * agency or legal; its invoices are dunned again. {@code reason} is optional (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EscalationRecalled(
        UUID escalationId,
        UUID customerId,
        AccountEscalated.Level level,
        List<UUID> invoiceIds,
        String reason,
        Instant recalledAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}: OutboxWriter writes the actor of the change into what it publishes. */
    public EscalationRecalled(UUID escalationId, UUID customerId, AccountEscalated.Level level, List<UUID> invoiceIds,
            String reason, Instant recalledAt) {
        this(escalationId, customerId, level, invoiceIds, reason, recalledAt, null);
    }

    public EscalationRecalled {
        requireNonNull(escalationId, "escalationId");
        requireNonNull(customerId, "customerId");
        requireNonNull(level, "level");
        invoiceIds = List.copyOf(requireNonNull(invoiceIds, "invoiceIds"));
        requireNonNull(recalledAt, "recalledAt");
    }

    @Override
    public UUID subjectId() {
        return escalationId;
    }
}
