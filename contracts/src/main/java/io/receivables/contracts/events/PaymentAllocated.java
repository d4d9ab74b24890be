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
 * payment-allocated: unallocated money of an earlier payment was applied to invoices (e.g. the invoice arrived after the
 * payment). {@code allocations} are the new ones only; {@code unallocatedAmount} is what remains afterwards;
 * {@code effectiveDate} (optional, null) the date they count from when not the UTC day of {@code allocatedAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentAllocated(
        UUID paymentId,
        UUID customerId,
        String currency,
        List<PaymentAllocation> allocations,
        @DecimalString BigDecimal unallocatedAmount,
        Instant allocatedAt,
        LocalDate effectiveDate,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public PaymentAllocated(UUID paymentId, UUID customerId, String currency, List<PaymentAllocation> allocations,
            BigDecimal unallocatedAmount, Instant allocatedAt, LocalDate effectiveDate) {
        this(paymentId, customerId, currency, allocations, unallocatedAmount, allocatedAt, effectiveDate, null);
    }

    /** Allocations that count from the UTC day of {@code allocatedAt}, without an {@link Actor}. */
    public PaymentAllocated(UUID paymentId, UUID customerId, String currency, List<PaymentAllocation> allocations,
            BigDecimal unallocatedAmount, Instant allocatedAt) {
        this(paymentId, customerId, currency, allocations, unallocatedAmount, allocatedAt, null, null);
    }

    public PaymentAllocated {
        requireNonNull(paymentId, "paymentId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        allocations = List.copyOf(requireNonNull(allocations, "allocations"));
        requireNonNull(unallocatedAmount, "unallocatedAmount");
        requireNonNull(allocatedAt, "allocatedAt");
    }

    @Override
    public UUID subjectId() {
        return paymentId;
    }
}
