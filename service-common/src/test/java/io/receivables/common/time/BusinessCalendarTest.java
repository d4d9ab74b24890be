package io.receivables.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** December 2026: the 4th is a Friday, the 25th a Friday, the 26th a Saturday; 2027-01-01 is a Friday. */
class BusinessCalendarTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final EnumSet<DayOfWeek> SAT_SUN = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    /** Christmas Eve, Christmas, Boxing Day (a Saturday), New Year's Eve and Day. */
    private static final BusinessCalendar YEAR_END = new BusinessCalendar(SAT_SUN,
            List.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"),
                    LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-01")),
            UTC);

    @ParameterizedTest(name = "{0} plus {1} business days is {2}")
    @CsvSource({
            // a weekday to the next, the same local time
            "2026-11-30T10:00:00Z, 1, 2026-12-01T10:00:00Z",
            // zero days from a business day: the start itself
            "2026-12-02T14:09:10Z, 0, 2026-12-02T14:09:10Z",
            // across a weekend
            "2026-12-04T10:00:00Z, 1, 2026-12-07T10:00:00Z",
            "2026-12-02T10:00:00Z, 10, 2026-12-16T10:00:00Z",
            // opened on a Saturday: counted from Monday's start
            "2026-12-05T10:00:00Z, 0, 2026-12-07T00:00:00Z",
            "2026-12-05T10:00:00Z, 1, 2026-12-08T00:00:00Z",
            "2026-12-06T23:59:59Z, 2, 2026-12-09T00:00:00Z",
            // the last instant of a Friday is still Friday
            "2026-12-04T23:59:59Z, 1, 2026-12-07T23:59:59Z" })
    void weekendsAreSkipped(Instant start, int days, Instant due) {
        assertThat(BusinessCalendar.weekendsOnly().plusBusinessDays(start, days)).isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} plus {1} business days over the holidays is {2}")
    @CsvSource({
            // the 24th and 25th are holidays, the 26th a holiday on a Saturday, then Sunday
            "2026-12-23T15:00:00Z, 1, 2026-12-28T15:00:00Z",
            "2026-12-23T15:00:00Z, 2, 2026-12-29T15:00:00Z",
            // across the year end: the 31st and the 1st are holidays, then a weekend
            "2026-12-30T09:00:00Z, 1, 2027-01-04T09:00:00Z",
            "2026-12-30T09:00:00Z, 2, 2027-01-05T09:00:00Z",
            // opened on a holiday: counted from the next business day's start
            "2026-12-24T10:00:00Z, 0, 2026-12-28T00:00:00Z",
            "2026-12-24T10:00:00Z, 1, 2026-12-29T00:00:00Z",
            "2026-12-31T18:00:00Z, 3, 2027-01-07T00:00:00Z",
            // zero days from a business day among holidays
            "2026-12-28T08:00:00Z, 0, 2026-12-28T08:00:00Z" })
    void holidaysAreSkipped(Instant start, int days, Instant due) {
        assertThat(YEAR_END.plusBusinessDays(start, days)).isEqualTo(due);
    }

    @Test
    void aHolidayOnAWeekendCostsNoExtraDay() {
        BusinessCalendar saturdayHoliday = new BusinessCalendar(SAT_SUN, List.of(LocalDate.parse("2026-12-05")), UTC);
        Instant friday = Instant.parse("2026-12-04T10:00:00Z");

        assertThat(saturdayHoliday.plusBusinessDays(friday, 1)).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"))
                .isEqualTo(BusinessCalendar.weekendsOnly().plusBusinessDays(friday, 1));
        assertThat(saturdayHoliday.plusBusinessDays(LocalDate.parse("2026-12-04"), 5))
                .isEqualTo(LocalDate.parse("2026-12-11"));
    }

    @Test
    void businessDatesSkipWeekendsAndHolidays() {
        assertThat(YEAR_END.isBusinessDay(LocalDate.parse("2026-12-23"))).isTrue();
        assertThat(YEAR_END.isBusinessDay(LocalDate.parse("2026-12-25"))).isFalse();
        assertThat(YEAR_END.isBusinessDay(LocalDate.parse("2026-12-27"))).isFalse();
        assertThat(YEAR_END.onOrAfter(LocalDate.parse("2026-12-24"))).isEqualTo(LocalDate.parse("2026-12-28"));
        assertThat(YEAR_END.onOrAfter(LocalDate.parse("2026-12-28"))).isEqualTo(LocalDate.parse("2026-12-28"));
        assertThat(YEAR_END.plusBusinessDays(LocalDate.parse("2026-12-23"), 3)).isEqualTo(LocalDate.parse("2026-12-30"));
        assertThat(YEAR_END.plusBusinessDays(LocalDate.parse("2026-12-26"), 0)).isEqualTo(LocalDate.parse("2026-12-28"));
    }

    @Test
    void theLocalTimeIsThatOfTheCalendarsZone() {
        BusinessCalendar berlin = new BusinessCalendar(SAT_SUN, Set.of(), ZoneId.of("Europe/Berlin"));
        // Friday 23:30 UTC is Saturday 00:30 in Berlin: counted from Monday 00:00 Berlin time (Sunday 23:00 UTC)
        assertThat(berlin.plusBusinessDays(Instant.parse("2026-12-04T23:30:00Z"), 0))
                .isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
        // Friday 22:30 UTC is still Friday 23:30 in Berlin: Monday 23:30 Berlin time
        assertThat(berlin.plusBusinessDays(Instant.parse("2026-12-04T22:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-12-07T22:30:00Z"));
        // across the change to summer time (Sunday 2027-03-28): the same wall-clock time, an hour fewer in UTC
        assertThat(berlin.plusBusinessDays(Instant.parse("2027-03-26T09:00:00Z"), 1))
                .isEqualTo(Instant.parse("2027-03-29T08:00:00Z"));
    }

    @Test
    void theWeekendIsConfigurable() {
        BusinessCalendar fridaySaturday = new BusinessCalendar(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
                Set.of(), UTC);
        // Thursday plus one is Sunday
        assertThat(fridaySaturday.plusBusinessDays(Instant.parse("2026-12-03T10:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
        BusinessCalendar noWeekend = new BusinessCalendar(Set.of(), Set.of(), UTC);
        assertThat(noWeekend.plusBusinessDays(Instant.parse("2026-12-04T10:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
    }

    @Test
    void negativeDaysAndAWeekWithoutBusinessDaysAreRefused() {
        assertThatThrownBy(() -> BusinessCalendar.weekendsOnly().plusBusinessDays(Instant.EPOCH, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(EnumSet.allOf(DayOfWeek.class), Set.of(), UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one business day");
    }
}
