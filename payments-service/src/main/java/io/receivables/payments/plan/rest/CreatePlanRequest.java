package io.receivables.payments.plan.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;
import io.receivables.payments.plan.Instalments;
import io.receivables.payments.plan.service.CreatePlan;

/** The body of POST /payment-plans; turned into the service's {@link CreatePlan} command at the edge. */
public record CreatePlanRequest(
        @Schema(required = true, description = "The customer whose invoices the plan covers") UUID customerId,
        @Schema(required = true, description = "Open invoices of that customer, in one currency, in no other active plan") @Size(max = 50) List<UUID> invoiceIds,
        @Schema(description = "What the plan pays, at most what is open on the invoices; default: all of it") @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"1500.00\"") String total,
        @Schema(description = "Paid first, on or before the first instalment's due date") @Valid DueRequest downPayment,
        @Schema(description = "The instalments one by one, due dates ascending; with the down payment they add up to the total. Give these or schedule.") @Size(max = 60) List<@Valid DueRequest> instalments,
        @Schema(description = "Equal instalments instead of instalments given one by one") @Valid ScheduleRequest schedule) {

    /** An amount due on a day. */
    public record DueRequest(
            @Schema(required = true, description = "Not in the past") LocalDate dueDate,
            @Schema(required = true, description = "Decimal string with at most the currency's minor units") @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"300.00\"") String amount) {
    }

    /** {@code count} equal instalments, the last absorbing what does not divide evenly in minor units. */
    public record ScheduleRequest(
            @Schema(required = true, minimum = "1", maximum = "60") Integer count,
            @Schema(required = true, description = "Not in the past") LocalDate firstDueDate,
            @Schema(required = true) Instalments.Interval interval,
            @Schema(description = "With interval DAYS only: days between instalments, 1 to 366", minimum = "1", maximum = "366") Integer intervalDays) {
    }

    /** The command; amounts were checked to be decimal strings. */
    public CreatePlan command() {
        return new CreatePlan(customerId, invoiceIds, amount(total), due(downPayment),
                instalments == null ? null : instalments.stream().map(CreatePlanRequest::due).toList(),
                schedule == null ? null
                        : new CreatePlan.Schedule(schedule.count(), schedule.firstDueDate(), schedule.interval(),
                                schedule.intervalDays()));
    }

    private static CreatePlan.Due due(DueRequest due) {
        return due == null ? null : new CreatePlan.Due(due.dueDate(), amount(due.amount()));
    }

    private static BigDecimal amount(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
