package io.receivables.invoicing.schedule;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a new schedule starts billing. By default at the first period starting on or after the day it is created, so a
 * start date in the past (a subscription migrated from another system, say) never bills missed periods by surprise;
 * {@code catchUpFrom} asks for the missed periods from that date on, up to a cap.
 *
 * @param firstPeriod the start of the first period to issue
 * @param missed how many of the periods to issue started before today (those a run issues at once)
 * @param earliestAllowed when {@code missed} is over the cap: the earliest {@code catchUpFrom} within it
 */
public record CatchUp(LocalDate firstPeriod, int missed, LocalDate earliestAllowed) {

    /**
     * Decides for a schedule created {@code today}; {@code catchUpFrom} null means no catch-up. Counting stops once the
     * cap is passed, so a catch-up from 1900 costs no more than one from last year.
     */
    public static CatchUp decide(BillingCalendar calendar, LocalDate startDate, LocalDate endDate,
            LocalDate catchUpFrom, LocalDate today, int maxCatchUp) {
        LocalDate gridStart = calendar.firstPeriodStart(startDate);
        if (catchUpFrom == null) {
            return new CatchUp(calendar.firstPeriodStartOnOrAfter(gridStart, today), 0, null);
        }
        LocalDate first = calendar.firstPeriodStartOnOrAfter(gridStart, catchUpFrom);
        // the last maxCatchUp + 1 missed period starts: enough to tell the count and the earliest allowed start
        Deque<LocalDate> recent = new ArrayDeque<>();
        int missed = 0;
        for (LocalDate p = first; p.isBefore(today) && (endDate == null || !p.isAfter(endDate)); p = calendar
                .nextPeriodStart(p)) {
            missed++;
            recent.addLast(p);
            if (recent.size() > maxCatchUp + 1) {
                recent.removeFirst();
            }
        }
        LocalDate earliest = null;
        if (missed > maxCatchUp) {
            recent.removeFirst();
            earliest = maxCatchUp == 0 ? today : recent.peekFirst();
        }
        return new CatchUp(first, missed, earliest);
    }

    public boolean overCap(int maxCatchUp) {
        return missed > maxCatchUp;
    }
}
