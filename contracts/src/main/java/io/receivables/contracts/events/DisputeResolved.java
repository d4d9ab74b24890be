package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * dispute-resolved: a dispute was closed. {@code creditedAmount} is positive for {@link Outcome#CUSTOMER_FAVOUR} and
 * {@link Outcome#PARTIAL} (invoicing-service issues a credit note for it) and zero otherwise, when the disputed amount
 * is due again. {@code resolutionNote} is optional (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisputeResolved(
        UUID disputeId,
        UUID customerId,
        UUID invoiceId,
        String currency,
        @DecimalString BigDecimal disputedAmount,
        Outcome outcome,
        @DecimalString BigDecimal creditedAmount,
        String resolutionNote,
        Instant resolvedAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public DisputeResolved(UUID disputeId, UUID customerId, UUID invoiceId, String currency, BigDecimal disputedAmount,
            Outcome outcome, BigDecimal creditedAmount, String resolutionNote, Instant resolvedAt) {
        this(disputeId, customerId, invoiceId, currency, disputedAmount, outcome, creditedAmount, resolutionNote, resolvedAt,
                null);
    }

    public enum Outcome {
        /** The customer was right: normally the whole disputed amount is credited. */
        CUSTOMER_FAVOUR,
        /** The claim was rejected: nothing is credited. */
        COMPANY_FAVOUR,
        /** Part of the disputed amount is credited. */
        PARTIAL,
        /** The customer dropped the dispute: nothing is credited. */
        WITHDRAWN
    }

    public DisputeResolved {
        requireNonNull(disputeId, "disputeId");
        requireNonNull(customerId, "customerId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(currency, "currency");
        requireNonNull(disputedAmount, "disputedAmount");
        requireNonNull(outcome, "outcome");
        requireNonNull(creditedAmount, "creditedAmount");
        requireNonNull(resolvedAt, "resolvedAt");
    }

    @Override
    public UUID subjectId() {
        return disputeId;
    }
}
