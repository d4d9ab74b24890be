package io.receivables.invoicing.schedule.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How far recurring billing may reach back and how much one run may do (docs/invoicing.md, "Billing schedules"). The
 * bounds exist so that no request, however careless, makes a run bill years at once or keeps it busy for minutes.
 */
@ConfigMapping(prefix = "receivables.invoicing.schedules")
public interface ScheduleLimits {

    /** How often the scheduler runs ({@code off} in tests, which call the run endpoint themselves). */
    String interval();

    /** The most missed periods a new schedule's {@code catchUpFrom} may ask to bill (periods started before today). */
    @WithDefault("12")
    int maxCatchUp();

    /** The most periods one run issues for one schedule; the rest wait for the next run. */
    @WithDefault("12")
    int maxPeriodsPerSchedule();

    /** The most periods one run issues in total, so that a run answers within seconds whatever the backlog. */
    @WithDefault("100")
    int maxPeriodsPerRun();

    /** How many months after today a preview may look ahead ({@code until}). */
    @WithDefault("36")
    int previewHorizonMonths();
}
