package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * dispute-reopened: a dispute resolved without credit (COMPANY_FAVOUR) was opened again within the reopening window:
 * {@code disputedAmount} counts as disputed on its invoice again, as after dispute-opened, until the next
 * dispute-resolved. {@code reason} is optional (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisputeReopened(
        UUID disputeId,
        UUID customerId,
        UUID invoiceId,
        String currency,
        @DecimalString BigDecimal disputedAmount,
        String reason,
        Instant reopenedAt,
        Actor actor) implements ReceivablesEvent {

    public DisputeReopened {
        requireNonNull(disputeId, "disputeId");
        requireNonNull(customerId, "customerId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(currency, "currency");
        requireNonNull(disputedAmount, "disputedAmount");
        requireNonNull(reopenedAt, "reopenedAt");
    }

    @Override
    public UUID subjectId() {
        return disputeId;
    }
}
