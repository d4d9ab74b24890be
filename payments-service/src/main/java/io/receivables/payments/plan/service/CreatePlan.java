package io.receivables.payments.plan.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.receivables.payments.plan.Instalments;

/**
 * A plan to make: for {@code invoiceIds} of {@code customerId}, either {@code instalments} given one by one or a
 * {@code schedule} of equal ones, after an optional {@code downPayment}; {@code total} null: what is open on the
 * invoices. Lists may hold nulls (a client's {@code [null]}): the checks name them.
 */
public record CreatePlan(UUID customerId, List<UUID> invoiceIds, BigDecimal total, Due downPayment,
        List<Due> instalments, Schedule schedule) {

    /** An amount due on a day; either may be missing in a bad request. */
    public record Due(LocalDate dueDate, BigDecimal amount) {
    }

    /** {@code count} equal instalments from {@code firstDueDate}, every {@code interval} ({@code intervalDays}). */
    public record Schedule(Integer count, LocalDate firstDueDate, Instalments.Interval interval, Integer intervalDays) {
    }

    public CreatePlan {
        invoiceIds = invoiceIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(invoiceIds));
        instalments = instalments == null ? null : Collections.unmodifiableList(new ArrayList<>(instalments));
    }
}
