package io.receivables.invoicing.schedule.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What one run of the schedules issued, which schedules failed (they are tried again on the next run), and what it left
 * for the next runs because of its limits.
 */
public record RunReport(LocalDate asOf, List<Issued> issued, List<Failed> failed, Deferred deferred) {

    @Schema(name = "ScheduleRunIssued")
    public record Issued(UUID scheduleId, LocalDate periodStart, LocalDate periodEnd, UUID invoiceId,
            String invoiceNumber) {
    }

    @Schema(name = "ScheduleRunFailure")
    public record Failed(UUID scheduleId, String error) {
    }

    /** What is still due after the run: issued by the next runs, oldest period first. */
    @Schema(name = "ScheduleRunDeferred")
    public record Deferred(
            @Schema(description = "Active schedules with a period started by asOf that is not issued yet") long schedules,
            @Schema(description = "Their periods started by asOf and not issued yet") long periods,
            @Schema(description = "The most periods one run issues for one schedule (receivables.invoicing.schedules.max-periods-per-schedule)") int maxPeriodsPerSchedule,
            @Schema(description = "The most periods one run issues or attempts in all (receivables.invoicing.schedules.max-periods-per-run)") int maxPeriodsPerRun) {
    }
}
