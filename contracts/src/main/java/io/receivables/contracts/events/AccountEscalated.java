package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/** account-escalated: dunning took a customer's account beyond reminders. {@code reason} is optional (null). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountEscalated(
        UUID escalationId,
        UUID customerId,
        Level level,
        List<UUID> invoiceIds,
        String currency,
        @DecimalString BigDecimal amountOverdue,
        String reason,
        Instant escalatedAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public AccountEscalated(UUID escalationId, UUID customerId, Level level, List<UUID> invoiceIds, String currency,
            BigDecimal amountOverdue, String reason, Instant escalatedAt) {
        this(escalationId, customerId, level, invoiceIds, currency, amountOverdue, reason, escalatedAt, null);
    }

    public enum Level {
        /** Assigned to a person in the collections team. */
        COLLECTIONS_AGENT,
        /** No new sales on credit until the overdue balance is paid. */
        CREDIT_HOLD,
        /** Handed to an external collection agency. */
        EXTERNAL_AGENCY,
        /** Handed to legal. */
        LEGAL
    }

    public AccountEscalated {
        requireNonNull(escalationId, "escalationId");
        requireNonNull(customerId, "customerId");
        requireNonNull(level, "level");
        invoiceIds = List.copyOf(requireNonNull(invoiceIds, "invoiceIds"));
        requireNonNull(currency, "currency");
        requireNonNull(amountOverdue, "amountOverdue");
        requireNonNull(escalatedAt, "escalatedAt");
    }

    @Override
    public UUID subjectId() {
        return escalationId;
    }
}
