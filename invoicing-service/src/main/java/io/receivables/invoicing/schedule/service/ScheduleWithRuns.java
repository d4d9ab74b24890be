package io.receivables.invoicing.schedule.service;

import java.util.List;

import io.receivables.invoicing.schedule.BillingSchedule;
import io.receivables.invoicing.schedule.ScheduleRun;

/** A schedule with the periods it has issued, in period order. */
public record ScheduleWithRuns(BillingSchedule schedule, List<ScheduleRun> runs) {
}
