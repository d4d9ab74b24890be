package io.receivables.invoicing.schedule;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Where a schedule's billing periods start: on the anchor day of every 1, 3 or 12 months. An anchor day the month does
 * not have (29 to 31) falls on the month's last day, and each period is placed from the anchor again, never from the
 * previous period, so an anchor of 31 gives Jan 31, Feb 28 (29 in a leap year), Mar 31. A period ends the day before
 * the next one starts.
 */
public record BillingCalendar(Frequency frequency, int anchorDay) {

    public BillingCalendar {
        if (anchorDay < 1 || anchorDay > 31) {
            throw new IllegalArgumentException("anchor day must be between 1 and 31");
        }
    }

    /** The first period starts on the first anchor day on or after {@code startDate}. */
    public LocalDate firstPeriodStart(LocalDate startDate) {
        LocalDate candidate = anchored(YearMonth.from(startDate));
        return candidate.isBefore(startDate) ? anchored(YearMonth.from(startDate).plusMonths(1)) : candidate;
    }

    public LocalDate nextPeriodStart(LocalDate periodStart) {
        return anchored(YearMonth.from(periodStart).plusMonths(frequency.months()));
    }

    public LocalDate periodEnd(LocalDate periodStart) {
        return nextPeriodStart(periodStart).minusDays(1);
    }

    /** The first period start of the grid through {@code periodStart} that lies on or after {@code date}. */
    public LocalDate firstPeriodStartOnOrAfter(LocalDate periodStart, LocalDate date) {
        LocalDate start = periodStart;
        while (start.isBefore(date)) {
            start = nextPeriodStart(start);
        }
        return start;
    }

    private LocalDate anchored(YearMonth month) {
        return month.atDay(Math.min(anchorDay, month.lengthOfMonth()));
    }
}
