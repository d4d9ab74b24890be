package io.receivables.disputes.stats.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.disputes.dispute.DisputeState;
import io.receivables.disputes.dispute.ReasonCode;
import io.receivables.disputes.stats.service.DisputeStatistics;

/** GET /disputes/stats: the figures of a period, per currency, by reason code and by state. */
@Schema(name = "DisputeStats", description = "Dispute figures of a period; amounts per currency, never summed across currencies")
public record DisputeStatsResponse(
        @Schema(description = "The first day of the period") LocalDate from,
        @Schema(description = "The last day of the period, included") LocalDate to,
        @Schema(nullable = true, description = "The currency asked for; null: every currency, each in its own groups") String currency,
        @Schema(description = "Where the period's days begin: 'from' at 00:00 in the business calendar's zone (receivables.calendar.zone)") Instant periodStart,
        @Schema(description = "Where the period ends, excluded: the day after 'to' at 00:00 in that zone") Instant periodEnd,
        @Schema(description = "One entry per currency: all the disputes of the period in that currency") List<Figures> totals,
        @Schema(description = "One entry per currency and reason code that has disputes in the period") List<Figures> byReason,
        @Schema(description = "One entry per currency and current state of the disputes opened or resolved in the period") List<Figures> byState) {

    @Schema(name = "DisputeStatsFigures", description = "The figures of one group. 'Opened' figures count the disputes opened in the period; 'resolved' figures the disputes resolved (state RESOLVED, not withdrawn) in the period, whenever they were opened.")
    public record Figures(
            @Schema(description = "ISO 4217 code: every amount of the group is in it") String currency,
            @Schema(nullable = true, description = "The group's reason code (byReason only)") ReasonCode reasonCode,
            @Schema(nullable = true, description = "The group's current state (byState only)") DisputeState state,
            @Schema(description = "count(*) of the disputes opened in the period") long opened,
            @Schema(description = "sum(disputed_amount) of the disputes opened in the period, decimal string at the currency's minor unit") String disputedAmount,
            @Schema(description = "count(*) of the disputes resolved in the period (resolved_at in it, state RESOLVED)") long resolved,
            @Schema(nullable = true, description = "avg(resolved_at - opened_at) in hours over the disputes resolved in the period, 2 decimals; null when none was") BigDecimal meanHoursToResolve,
            @Schema(nullable = true, description = "percentile_cont(0.9) of resolved_at - opened_at in hours over the disputes resolved in the period (linear interpolation), 2 decimals; null when none was") BigDecimal p90HoursToResolve,
            @Schema(nullable = true, description = "Of the disputes resolved in the period that had a resolution due time, the share with resolved_at <= resolution_due_at, 0 to 1, 4 decimals; null when none had one") BigDecimal resolvedWithinSlaShare,
            @Schema(nullable = true, description = "Of the disputes resolved in the period, the share with outcome CUSTOMER_FAVOUR or PARTIAL, 0 to 1, 4 decimals; null when none was resolved") BigDecimal customerFavourShare) {

        static Figures of(DisputeStatistics.Figures figures) {
            return new Figures(figures.currency(), figures.reasonCode(), figures.state(), figures.opened(),
                    Currencies.format(figures.disputedAmount(), figures.currency()), figures.resolved(),
                    figures.meanHoursToResolve(), figures.p90HoursToResolve(), figures.resolvedWithinSlaShare(),
                    figures.customerFavourShare());
        }
    }

    static DisputeStatsResponse of(DisputeStatistics.Period period, DisputeStatistics.Stats stats) {
        return new DisputeStatsResponse(period.from(), period.to(), period.currency(), stats.periodStart(),
                stats.periodEnd(), stats.totals().stream().map(Figures::of).toList(),
                stats.byReason().stream().map(Figures::of).toList(),
                stats.byState().stream().map(Figures::of).toList());
    }
}
