package io.receivables.invoicing.schedule.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.invoicing.schedule.ScheduleStatus;
import io.receivables.invoicing.schedule.service.SchedulePreviewer;

/** What a schedule would issue up to {@code until}, if nothing changes meanwhile. */
public record SchedulePreviewResponse(UUID scheduleId, ScheduleStatus status, LocalDate until,
        @Schema(description = "Oldest first; empty unless the schedule is ACTIVE") List<Period> periods,
        @Schema(description = "true: more periods would be issued up to until than the " + SchedulePreviewer.MAX_PERIODS
                + " listed") boolean more) {

    /** One period, as the invoice it would become. */
    @Schema(name = "SchedulePreviewPeriod")
    public record Period(LocalDate periodStart, LocalDate periodEnd, LocalDate issueDate, LocalDate dueDate,
            String currency, String subtotal, String taxTotal, String total) {
    }

    public static SchedulePreviewResponse of(SchedulePreviewer.Preview preview) {
        return new SchedulePreviewResponse(preview.schedule().id, preview.schedule().status, preview.until(),
                preview.periods().stream().map(p -> new Period(p.periodStart(), p.periodEnd(), p.issueDate(),
                        p.dueDate(), p.currency(), Currencies.format(p.totals().subtotal(), p.currency()),
                        Currencies.format(p.totals().taxTotal(), p.currency()),
                        Currencies.format(p.totals().total(), p.currency()))).toList(),
                preview.more());
    }
}
