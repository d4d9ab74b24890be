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
 * payment-unallocated: allocations of a payment were taken back (a wrong match); their invoices are open again by those
 * amounts from {@code effectiveDate}, and {@code unallocatedAmount} is what the payment has unallocated afterwards.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentUnallocated(
        UUID paymentId,
        UUID customerId,
        String currency,
        List<PaymentAllocation> allocations,
        @DecimalString BigDecimal unallocatedAmount,
        LocalDate effectiveDate,
        Instant unallocatedAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}: OutboxWriter writes the actor of the change into what it publishes. */
    public PaymentUnallocated(UUID paymentId, UUID customerId, String currency, List<PaymentAllocation> allocations,
            BigDecimal unallocatedAmount, LocalDate effectiveDate, Instant unallocatedAt) {
        this(paymentId, customerId, currency, allocations, unallocatedAmount, effectiveDate, unallocatedAt, null);
    }

    public PaymentUnallocated {
        requireNonNull(paymentId, "paymentId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        allocations = List.copyOf(requireNonNull(allocations, "allocations"));
        requireNonNull(unallocatedAmount, "unallocatedAmount");
        requireNonNull(effectiveDate, "effectiveDate");
        requireNonNull(unallocatedAt, "unallocatedAt");
    }

    @Override
    public UUID subjectId() {
        return paymentId;
    }
}
