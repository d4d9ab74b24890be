package io.receivables.common.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Business days: every day but the weekend days and the holidays (configured by {@link BusinessCalendarConfig},
 * {@code receivables.calendar.*}), with the zone whose wall clock business days are counted in. Pure and immutable:
 * services inject the one {@link BusinessCalendarProducer} makes, tests build their own.
 * <p>
 * <b>Adding business days to an instant</b> ({@link #plusBusinessDays(Instant, int)}): the start is read as a local
 * date and time in {@link #zone()}.
 * <ul>
 * <li>On a business day, the result is the same local time {@code n} business days later: Monday 10:00 plus 1 is
 * Tuesday 10:00, Friday 10:00 plus 1 is Monday 10:00, and plus 0 is the start itself.</li>
 * <li>On a weekend day or a holiday, the clock starts at the beginning (00:00) of the next business day: Saturday
 * 10:00 plus 0 is Monday 00:00, plus 1 is Tuesday 00:00 (the end of Monday, one whole business day).</li>
 * </ul>
 * A local time that does not exist on the day reached (a daylight-saving gap) moves forward by the gap's length, as
 * {@link ZonedDateTime#of(LocalDateTime, ZoneId)} does. A holiday that falls on a weekend day costs nothing extra: it
 * is a day off either way; a holiday observed on another day (a Monday in lieu) is listed as that day.
 */
public final class BusinessCalendar {

    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final ZoneId zone;

    /**
     * @param weekend the days of the week that are never business days (at most six)
     * @param holidays further days that are not business days
     * @param zone the zone whose wall clock {@link #plusBusinessDays(Instant, int)} counts in
     */
    public BusinessCalendar(Collection<DayOfWeek> weekend, Collection<LocalDate> holidays, ZoneId zone) {
        this.weekend = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
        if (this.weekend.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("a week needs at least one business day; weekend is " + weekend);
        }
        this.holidays = Set.copyOf(holidays);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Saturday and Sunday off, no holidays, UTC. */
    public static BusinessCalendar weekendsOnly() {
        return new BusinessCalendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(), ZoneId.of("UTC"));
    }

    public ZoneId zone() {
        return zone;
    }

    public Set<DayOfWeek> weekend() {
        return Set.copyOf(weekend);
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public boolean isBusinessDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** {@code date} when it is a business day, else the first business day after it. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The business day {@code n} business days after {@code date} ({@code n >= 0}). {@code date} itself need not be a
     * business day: counting starts from {@link #onOrAfter(LocalDate)} it, so plus 0 of a Saturday is the Monday.
     */
    public LocalDate plusBusinessDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("business days to add must not be negative: " + n);
        }
        LocalDate day = onOrAfter(date);
        for (int left = n; left > 0; left--) {
            day = onOrAfter(day.plusDays(1));
        }
        return day;
    }

    /**
     * {@code start} plus {@code n} business days ({@code n >= 0}), as the class comment defines it: the same local
     * time {@code n} business days later, or, from a day that is not a business day, {@code n} business days after the
     * start (00:00) of the next business day.
     */
    public Instant plusBusinessDays(Instant start, int n) {
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        LocalDateTime from = isBusinessDay(local.toLocalDate()) ? local
                : onOrAfter(local.toLocalDate()).atTime(LocalTime.MIDNIGHT);
        LocalDate due = plusBusinessDays(from.toLocalDate(), n);
        return ZonedDateTime.of(due.atTime(from.toLocalTime()), zone).toInstant();
    }

    @Override
    public String toString() {
        return "BusinessCalendar[weekend=" + weekend + ", holidays=" + holidays.size() + ", zone=" + zone + "]";
    }
}
