package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * payment-received: money arrived and was applied. {@code amount = sum(allocations) + unallocatedAmount}; the
 * unallocated part stays on the customer's account as credit. {@code reference} is optional (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentReceived(
        UUID paymentId,
        UUID customerId,
        String currency,
        @DecimalString BigDecimal amount,
        LocalDate valueDate,
        Method method,
        String reference,
        List<PaymentAllocation> allocations,
        @DecimalString BigDecimal unallocatedAmount,
        Instant receivedAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public PaymentReceived(UUID paymentId, UUID customerId, String currency, BigDecimal amount, LocalDate valueDate,
            Method method, String reference, List<PaymentAllocation> allocations, BigDecimal unallocatedAmount,
            Instant receivedAt) {
        this(paymentId, customerId, currency, amount, valueDate, method, reference, allocations, unallocatedAmount, receivedAt,
                null);
    }

    public enum Method {
        BANK_TRANSFER,
        DIRECT_DEBIT,
        CARD,
        CHEQUE,
        CASH,
        OTHER
    }

    public PaymentReceived {
        requireNonNull(paymentId, "paymentId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(amount, "amount");
        requireNonNull(valueDate, "valueDate");
        requireNonNull(method, "method");
        allocations = List.copyOf(requireNonNull(allocations, "allocations"));
        requireNonNull(unallocatedAmount, "unallocatedAmount");
        requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public UUID subjectId() {
        return paymentId;
    }
}
