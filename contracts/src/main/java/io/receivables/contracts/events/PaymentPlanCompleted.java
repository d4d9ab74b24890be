package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/** payment-plan-completed: what was allocated to the plan's invoices since it was made reached its total. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentPlanCompleted(
        UUID planId,
        UUID customerId,
        String currency,
        List<UUID> invoiceIds,
        @DecimalString BigDecimal total,
        LocalDate completedOn,
        Instant completedAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}: OutboxWriter writes the actor of the change into what it publishes. */
    public PaymentPlanCompleted(UUID planId, UUID customerId, String currency, List<UUID> invoiceIds,
            BigDecimal total, LocalDate completedOn, Instant completedAt) {
        this(planId, customerId, currency, invoiceIds, total, completedOn, completedAt, null);
    }

    public PaymentPlanCompleted {
        requireNonNull(planId, "planId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        invoiceIds = List.copyOf(requireNonNull(invoiceIds, "invoiceIds"));
        requireNonNull(total, "total");
        requireNonNull(completedOn, "completedOn");
        requireNonNull(completedAt, "completedAt");
    }

    @Override
    public UUID subjectId() {
        return planId;
    }
}
