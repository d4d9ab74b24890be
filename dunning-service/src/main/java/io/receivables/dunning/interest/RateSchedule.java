package io.receivables.dunning.interest;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The rows of one kind of reference rate, and which of them fixes the rate of a half-year. */
public record RateSchedule(RateKind kind, List<RatePoint> points) {

    public RateSchedule {
        points = points.stream().sorted(Comparator.comparing(RatePoint::validFrom)).toList();
    }

    /**
     * The rate fixed for the half-year starting {@code halfYearStart} (1 January or 1 July). A half-yearly kind needs
     * that half-year's own row: carrying the last one forward would silently use a stale rate when an administrator
     * has not yet added the new one. A kind of change points gives the rate in force on that day.
     */
    public Optional<RatePoint> fixedFor(LocalDate halfYearStart) {
        if (kind.halfYearly()) {
            return points.stream().filter(p -> p.validFrom().equals(halfYearStart)).findFirst();
        }
        RatePoint inForce = null;
        for (RatePoint point : points) {
            if (point.validFrom().isAfter(halfYearStart)) {
                break;
            }
            inForce = point;
        }
        return Optional.ofNullable(inForce);
    }

    /** 1 January or 1 July of the half-year {@code day} falls in. */
    public static LocalDate halfYearStart(LocalDate day) {
        return LocalDate.of(day.getYear(), day.getMonthValue() < 7 ? 1 : 7, 1);
    }

    /** True for 1 January and 1 July. */
    public static boolean isHalfYearStart(LocalDate day) {
        return day.getDayOfMonth() == 1 && (day.getMonthValue() == 1 || day.getMonthValue() == 7);
    }
}
