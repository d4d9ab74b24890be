package io.receivables.common.limits;

import java.time.LocalDate;
import java.util.List;

import io.receivables.common.problem.FieldError;

/**
 * The dates this platform accepts and computes: 1900-01-01 to 2999-12-31. Before 1900 lie calendar reforms (PostgreSQL
 * and Java disagree on dates before 1582-10-15) and year 0; after 2999 nothing a receivable needs. A date computed from
 * accepted ones (a due date from terms) must fall in the range too, so the check runs where it is computed.
 */
public final class BusinessDates {

    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(2999, 12, 31);

    public static final String FORMAT_MESSAGE = "must be an ISO date string such as \"2026-11-23\"";
    public static final String RANGE_MESSAGE = "must be between " + MIN + " and " + MAX;

    private BusinessDates() {
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(MIN) && !date.isAfter(MAX);
    }

    /** Adds an error for {@code field} when {@code date} (computed, e.g. a due date) is outside the range. */
    public static void checkComputed(String field, LocalDate date, String how, List<FieldError> errors) {
        if (date != null && !inRange(date)) {
            errors.add(new FieldError(field, how + " would be " + date + "; dates " + RANGE_MESSAGE));
        }
    }
}
