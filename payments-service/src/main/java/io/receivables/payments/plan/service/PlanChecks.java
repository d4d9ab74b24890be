package io.receivables.payments.plan.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.receivables.common.limits.BusinessDates;
import io.receivables.common.limits.NumericColumn;
import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.payments.plan.Instalments;

/**
 * The checks of a plan request that need no database (shape, dates, counts), and those that need only the currency
 * (decimals), each naming the request's field; every rejected field is named at once.
 */
final class PlanChecks {

    static final NumericColumn MONEY = new NumericColumn(19, 4);
    /** The most invoices one plan covers. */
    static final int MAX_INVOICES = 50;

    private PlanChecks() {
    }

    /** Everything that can be checked before the invoices are read. */
    static void shape(CreatePlan command, LocalDate today, List<FieldError> errors) {
        if (command.customerId() == null) {
            errors.add(new FieldError("customerId", "is required"));
        }
        invoiceIds(command.invoiceIds(), errors);
        if (command.total() != null) {
            positive("total", command.total(), errors);
        }
        LocalDate downPaymentDate = null;
        if (command.downPayment() != null) {
            positive("downPayment.amount", command.downPayment().amount(), errors);
            downPaymentDate = date("downPayment.dueDate", command.downPayment().dueDate(), today, errors);
        }
        boolean explicit = command.instalments() != null;
        if (explicit == (command.schedule() != null)) {
            errors.add(new FieldError("instalments", explicit ? "give either instalments or a schedule, not both"
                    : "is required: give the instalments, or a schedule of equal ones"));
            return;
        }
        LocalDate firstDueDate = explicit ? instalments(command.instalments(), today, errors)
                : schedule(command.schedule(), today, errors);
        if (downPaymentDate != null && firstDueDate != null && downPaymentDate.isAfter(firstDueDate)) {
            errors.add(new FieldError("downPayment.dueDate", "must not be after the first instalment's due date "
                    + firstDueDate));
        }
    }

    /** The amounts' decimals, once the invoices tell the currency. */
    static void decimals(CreatePlan command, String currency, List<FieldError> errors) {
        decimals("total", command.total(), currency, errors);
        if (command.downPayment() != null) {
            decimals("downPayment.amount", command.downPayment().amount(), currency, errors);
        }
        if (command.instalments() != null) {
            for (int i = 0; i < command.instalments().size(); i++) {
                CreatePlan.Due due = command.instalments().get(i);
                decimals("instalments[" + i + "].amount", due == null ? null : due.amount(), currency, errors);
            }
        }
    }

    private static void invoiceIds(List<UUID> ids, List<FieldError> errors) {
        if (ids.isEmpty()) {
            errors.add(new FieldError("invoiceIds", "must name at least one open invoice"));
            return;
        }
        if (ids.size() > MAX_INVOICES) {
            errors.add(new FieldError("invoiceIds", "at most " + MAX_INVOICES + " invoices per plan"));
            return;
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                errors.add(new FieldError("invoiceIds[" + i + "]", "is required"));
            } else if (!seen.add(ids.get(i))) {
                errors.add(new FieldError("invoiceIds[" + i + "]", "names an invoice named before"));
            }
        }
    }

    /** The first due date, or null when the instalments are refused. */
    private static LocalDate instalments(List<CreatePlan.Due> instalments, LocalDate today, List<FieldError> errors) {
        if (instalments.isEmpty()) {
            errors.add(new FieldError("instalments", "must hold at least one instalment"));
            return null;
        }
        if (instalments.size() > Instalments.MAX) {
            errors.add(new FieldError("instalments", "at most " + Instalments.MAX + " instalments per plan"));
            return null;
        }
        LocalDate previous = null;
        for (int i = 0; i < instalments.size(); i++) {
            String field = "instalments[" + i + "]";
            CreatePlan.Due due = instalments.get(i);
            if (due == null) {
                errors.add(new FieldError(field, "must be an object with dueDate and amount"));
                previous = null;
                continue;
            }
            positive(field + ".amount", due.amount(), errors);
            LocalDate date = date(field + ".dueDate", due.dueDate(), today, errors);
            if (date != null && previous != null && !date.isAfter(previous)) {
                errors.add(new FieldError(field + ".dueDate", "must be after the previous instalment's due date "
                        + previous + " (due dates ascend)"));
            }
            previous = date;
        }
        CreatePlan.Due first = instalments.getFirst();
        return first == null ? null : first.dueDate();
    }

    private static LocalDate schedule(CreatePlan.Schedule schedule, LocalDate today, List<FieldError> errors) {
        int before = errors.size();
        if (schedule.count() == null) {
            errors.add(new FieldError("schedule.count", "is required"));
        } else if (schedule.count() < 1 || schedule.count() > Instalments.MAX) {
            errors.add(new FieldError("schedule.count", "must be between 1 and " + Instalments.MAX));
        }
        LocalDate first = date("schedule.firstDueDate", schedule.firstDueDate(), today, errors);
        if (schedule.interval() == null) {
            errors.add(new FieldError("schedule.interval", "is required: WEEKLY, MONTHLY or DAYS"));
        } else if (schedule.interval() == Instalments.Interval.DAYS) {
            if (schedule.intervalDays() == null) {
                errors.add(new FieldError("schedule.intervalDays", "is required with interval DAYS"));
            } else if (schedule.intervalDays() < 1 || schedule.intervalDays() > Instalments.MAX_INTERVAL_DAYS) {
                errors.add(new FieldError("schedule.intervalDays", "must be between 1 and "
                        + Instalments.MAX_INTERVAL_DAYS));
            }
        } else if (schedule.intervalDays() != null) {
            errors.add(new FieldError("schedule.intervalDays", "is only for interval DAYS"));
        }
        if (errors.size() == before) {
            LocalDate last = Instalments.dueDate(first, schedule.count() - 1, schedule.interval(),
                    schedule.intervalDays() == null ? 0 : schedule.intervalDays());
            if (!BusinessDates.inRange(last)) {
                errors.add(new FieldError("schedule.count", "the last instalment would fall on " + last + ", "
                        + BusinessDates.RANGE_MESSAGE));
            }
        }
        return first;
    }

    /** A due date: required, not before today, in range; null when refused. */
    private static LocalDate date(String field, LocalDate date, LocalDate today, List<FieldError> errors) {
        if (date == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!BusinessDates.inRange(date)) {
            errors.add(new FieldError(field, BusinessDates.RANGE_MESSAGE));
            return null;
        }
        if (date.isBefore(today)) {
            errors.add(new FieldError(field, "must not be in the past (today is " + today + " UTC)"));
            return null;
        }
        return date;
    }

    private static void positive(String field, BigDecimal amount, List<FieldError> errors) {
        if (amount == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (amount.signum() <= 0) {
            errors.add(new FieldError(field, "must be more than zero"));
        } else {
            MONEY.check(field, amount, errors);
        }
    }

    private static void decimals(String field, BigDecimal amount, String currency, List<FieldError> errors) {
        if (amount != null && amount.signum() > 0
                && amount.stripTrailingZeros().scale() > Currencies.minorUnits(currency)) {
            errors.add(new FieldError(field, "has more decimals than " + currency + " has minor units ("
                    + Currencies.minorUnits(currency) + ")"));
        }
    }
}
