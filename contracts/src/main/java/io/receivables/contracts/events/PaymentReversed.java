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
 * payment-reversed: a payment did not stand and its whole {@code amount} is undone. The invoices in
 * {@code reversedAllocations} are open again by those amounts; the rest comes off the customer's credit. {@code note} is
 * optional (null); so is {@code evidenceDueAt}, a chargeback's deadline for evidence set by the payment gateway.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentReversed(
        UUID paymentId,
        UUID customerId,
        String currency,
        @DecimalString BigDecimal amount,
        ReasonCode reasonCode,
        List<PaymentAllocation> reversedAllocations,
        LocalDate reversalDate,
        String note,
        Instant reversedAt,
        Instant evidenceDueAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public PaymentReversed(UUID paymentId, UUID customerId, String currency, BigDecimal amount, ReasonCode reasonCode,
            List<PaymentAllocation> reversedAllocations, LocalDate reversalDate, String note, Instant reversedAt) {
        this(paymentId, customerId, currency, amount, reasonCode, reversedAllocations, reversalDate, note, reversedAt, null,
                null);
    }

    /** A chargeback's reversal with the gateway's deadline for evidence against it (null: none given). */
    public PaymentReversed(UUID paymentId, UUID customerId, String currency, BigDecimal amount, ReasonCode reasonCode,
            List<PaymentAllocation> reversedAllocations, LocalDate reversalDate, String note, Instant reversedAt,
            Instant evidenceDueAt) {
        this(paymentId, customerId, currency, amount, reasonCode, reversedAllocations, reversalDate, note, reversedAt,
                evidenceDueAt, null);
    }

    @Schema(name = "PaymentReversalReasonCode")
    public enum ReasonCode {
        INSUFFICIENT_FUNDS,
        RETURNED_BY_BANK,
        CHARGEBACK,
        ENTERED_IN_ERROR,
        OTHER
    }

    public PaymentReversed {
        requireNonNull(paymentId, "paymentId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(amount, "amount");
        requireNonNull(reasonCode, "reasonCode");
        reversedAllocations = List.copyOf(requireNonNull(reversedAllocations, "reversedAllocations"));
        requireNonNull(reversalDate, "reversalDate");
        requireNonNull(reversedAt, "reversedAt");
    }

    @Override
    public UUID subjectId() {
        return paymentId;
    }
}
