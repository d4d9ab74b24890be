package io.receivables.invoicing.schedule.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one run of the schedules issued, and which schedules failed (they are tried again on the next run). */
public record RunReport(LocalDate asOf, List<Issued> issued, List<Failed> failed) {

    @Schema(name = "ScheduleRunIssued")
    public record Issued(UUID scheduleId, LocalDate periodStart, LocalDate periodEnd, UUID invoiceId,
            String invoiceNumber) {
    }

    @Schema(name = "ScheduleRunFailure")
    public record Failed(UUID scheduleId, String error) {
    }
}
