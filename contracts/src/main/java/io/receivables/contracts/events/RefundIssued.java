package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * refund-issued: unapplied cash was paid back to the customer, taken from the payments in {@code sources} (which add
 * up to {@code amount}). {@code payeeAccount} and {@code note} are optional (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundIssued(
        UUID refundId,
        UUID customerId,
        String currency,
        @DecimalString BigDecimal amount,
        LocalDate refundDate,
        Method method,
        String payeeAccount,
        List<Source> sources,
        String note,
        Instant issuedAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}: OutboxWriter writes the actor of the change into what it publishes. */
    public RefundIssued(UUID refundId, UUID customerId, String currency, BigDecimal amount, LocalDate refundDate,
            Method method, String payeeAccount, List<Source> sources, String note, Instant issuedAt) {
        this(refundId, customerId, currency, amount, refundDate, method, payeeAccount, sources, note, issuedAt, null);
    }

    @Schema(name = "RefundMethod")
    public enum Method {
        BANK_TRANSFER,
        CARD,
        CHEQUE,
        CASH,
        OTHER
    }

    /** How much of one payment's unapplied cash the refund pays back. */
    public record Source(UUID paymentId, @DecimalString BigDecimal amount) {
        public Source {
            requireNonNull(paymentId, "paymentId");
            requireNonNull(amount, "amount");
        }
    }

    public RefundIssued {
        requireNonNull(refundId, "refundId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(amount, "amount");
        requireNonNull(refundDate, "refundDate");
        requireNonNull(method, "method");
        sources = List.copyOf(requireNonNull(sources, "sources"));
        requireNonNull(issuedAt, "issuedAt");
    }

    @Override
    public UUID subjectId() {
        return refundId;
    }
}
