package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * dispute-opened: a customer disputed {@code disputedAmount} of an invoice. {@code description} and {@code slaDueAt}
 * are optional (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisputeOpened(
        UUID disputeId,
        UUID customerId,
        UUID invoiceId,
        String currency,
        @DecimalString BigDecimal disputedAmount,
        ReasonCode reasonCode,
        String description,
        Instant slaDueAt,
        Instant openedAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public DisputeOpened(UUID disputeId, UUID customerId, UUID invoiceId, String currency, BigDecimal disputedAmount,
            ReasonCode reasonCode, String description, Instant slaDueAt, Instant openedAt) {
        this(disputeId, customerId, invoiceId, currency, disputedAmount, reasonCode, description, slaDueAt, openedAt, null);
    }

    @Schema(name = "DisputeReasonCode")
    public enum ReasonCode {
        PRICING,
        QUANTITY,
        QUALITY,
        NOT_DELIVERED,
        DUPLICATE_BILLING,
        TAX,
        TERMS,
        OTHER,
        // disputes-service's own codes (issue 11); the ones above stay valid for events written before
        DAMAGED_GOODS,
        NOT_RECEIVED,
        CONTRACT_TERMS,
        /** Opened by the platform on a card chargeback (payment-reversed with reasonCode CHARGEBACK). */
        CHARGEBACK
    }

    public DisputeOpened {
        requireNonNull(disputeId, "disputeId");
        requireNonNull(customerId, "customerId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(currency, "currency");
        requireNonNull(disputedAmount, "disputedAmount");
        requireNonNull(reasonCode, "reasonCode");
        requireNonNull(openedAt, "openedAt");
    }

    @Override
    public UUID subjectId() {
        return disputeId;
    }
}
