package io.receivables.common.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The business calendar every service counts business days with ({@link BusinessCalendar}; docs/disputes.md#slas-and-
 * business-days), e.g. {@code receivables.calendar.holidays=2026-12-25,2026-12-26,2027-01-01}.
 */
@ConfigMapping(prefix = "receivables.calendar")
public interface BusinessCalendarConfig {

    /** Days that are not business days besides the weekend, ISO dates; a list per year, kept up to date by operators. */
    Optional<List<LocalDate>> holidays();

    /** The days of the week that are never business days. */
    @WithDefault("SATURDAY,SUNDAY")
    List<DayOfWeek> weekend();

    /** The zone whose wall clock business days and their times are counted in (e.g. Europe/Berlin). */
    @WithDefault("UTC")
    ZoneId zone();
}
