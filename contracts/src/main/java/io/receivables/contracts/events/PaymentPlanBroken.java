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
 * payment-plan-broken: instalment {@code instalmentNumber} (0: the down payment) was {@code daysLate} days late, more
 * than the grace the plan allows, with {@code amountOutstanding} of it unpaid; the plan is no longer active.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentPlanBroken(
        UUID planId,
        UUID customerId,
        String currency,
        List<UUID> invoiceIds,
        int instalmentNumber,
        LocalDate dueDate,
        int daysLate,
        @DecimalString BigDecimal amountOutstanding,
        @DecimalString BigDecimal planOutstanding,
        LocalDate brokenOn,
        Instant brokenAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}: OutboxWriter writes the actor of the change into what it publishes. */
    public PaymentPlanBroken(UUID planId, UUID customerId, String currency, List<UUID> invoiceIds,
            int instalmentNumber, LocalDate dueDate, int daysLate, BigDecimal amountOutstanding,
            BigDecimal planOutstanding, LocalDate brokenOn, Instant brokenAt) {
        this(planId, customerId, currency, invoiceIds, instalmentNumber, dueDate, daysLate, amountOutstanding,
                planOutstanding, brokenOn, brokenAt, null);
    }

    public PaymentPlanBroken {
        requireNonNull(planId, "planId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        invoiceIds = List.copyOf(requireNonNull(invoiceIds, "invoiceIds"));
        requireNonNull(dueDate, "dueDate");
        requireNonNull(amountOutstanding, "amountOutstanding");
        requireNonNull(planOutstanding, "planOutstanding");
        requireNonNull(brokenOn, "brokenOn");
        requireNonNull(brokenAt, "brokenAt");
    }

    @Override
    public UUID subjectId() {
        return planId;
    }
}
