package io.receivables.disputes.stats.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.time.BusinessCalendar;
import io.receivables.disputes.dispute.DisputeState;
import io.receivables.disputes.dispute.ReasonCode;
import io.smallrye.mutiny.Uni;

/**
 * The disputes' figures over a period of days, computed by PostgreSQL in one pass over the disputes opened or resolved
 * in it: per currency, per currency and reason code, per currency and state (docs/disputes.md#statistics). Amounts are
 * never added across currencies.
 */
@ApplicationScoped
public class DisputeStatistics {

    /** What the statistics are asked for: days {@code from} to {@code to}, both included; {@code currency} or all. */
    public record Period(LocalDate from, LocalDate to, String currency) {
    }

    /**
     * The figures of one group: {@code reasonCode} and {@code state} are null where the group is not by them. The
     * averages and shares are null where nothing was resolved in the period (nothing to divide by).
     */
    public record Figures(String currency, ReasonCode reasonCode, DisputeState state, long opened,
            BigDecimal disputedAmount, long resolved, BigDecimal meanHoursToResolve, BigDecimal p90HoursToResolve,
            long resolvedWithSla, BigDecimal resolvedWithinSlaShare, BigDecimal customerFavourShare) {
    }

    /** The answer: per currency, per currency and reason, per currency and state. */
    public record Stats(Instant periodStart, Instant periodEnd, List<Figures> totals, List<Figures> byReason,
            List<Figures> byState) {
    }

    // p: the disputes opened or resolved in [start, end); o: opened in it; r: resolved (RESOLVED) in it.
    // GROUPING(reason_code, state): 1 for the (currency, reason) set, 2 for (currency, state), 3 for (currency).
    private static final String FIGURES = """
            SELECT currency, reason_code, state, GROUPING(reason_code, state) AS grouping_set,
                count(*) FILTER (WHERE o) AS opened,
                coalesce(sum(disputed_amount) FILTER (WHERE o), 0) AS disputed_amount,
                count(*) FILTER (WHERE r) AS resolved,
                round(avg(hours) FILTER (WHERE r), 2) AS mean_hours,
                round((percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FILTER (WHERE r))::numeric, 2) AS p90_hours,
                count(*) FILTER (WHERE r AND resolution_due_at IS NOT NULL) AS with_sla,
                round(count(*) FILTER (WHERE r AND resolved_at <= resolution_due_at)::numeric
                    / nullif(count(*) FILTER (WHERE r AND resolution_due_at IS NOT NULL), 0), 4) AS within_sla,
                round(count(*) FILTER (WHERE r AND outcome IN ('CUSTOMER_FAVOUR', 'PARTIAL'))::numeric
                    / nullif(count(*) FILTER (WHERE r), 0), 4) AS customer_favour
            FROM (
                SELECT currency, reason_code, state, disputed_amount, outcome, resolved_at, resolution_due_at,
                    opened_at >= :start AND opened_at < :end AS o,
                    coalesce(state = 'RESOLVED' AND resolved_at >= :start AND resolved_at < :end, false) AS r,
                    extract(epoch FROM resolved_at - opened_at) / 3600 AS hours
                FROM dispute
                WHERE ((opened_at >= :start AND opened_at < :end) OR (resolved_at >= :start AND resolved_at < :end))
                  %s
            ) p
            GROUP BY GROUPING SETS ((currency, reason_code), (currency, state), (currency))
            ORDER BY currency, grouping_set, reason_code, state""";

    private final BusinessCalendar calendar;

    @Inject
    public DisputeStatistics(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** The figures of {@code period}, its days taken in the business calendar's zone. */
    @WithSession
    public Uni<Stats> of(Period period) {
        Instant start = period.from().atStartOfDay(calendar.zone()).toInstant();
        Instant end = period.to().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        boolean oneCurrency = period.currency() != null;
        String sql = FIGURES.formatted(oneCurrency ? "AND currency = :currency" : "");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setParameter("start", start)
                    .setParameter("end", end);
            if (oneCurrency) {
                query.setParameter("currency", period.currency());
            }
            return query.getResultList();
        })
                .map(rows -> {
                    List<Figures> totals = new ArrayList<>();
                    List<Figures> byReason = new ArrayList<>();
                    List<Figures> byState = new ArrayList<>();
                    for (Object[] row : rows) {
                        int set = ((Number) row[3]).intValue();
                        Figures figures = new Figures((String) row[0],
                                set == 1 ? ReasonCode.valueOf((String) row[1]) : null,
                                set == 2 ? DisputeState.valueOf((String) row[2]) : null,
                                count(row[4]), (BigDecimal) row[5], count(row[6]), (BigDecimal) row[7],
                                (BigDecimal) row[8], count(row[9]), (BigDecimal) row[10], (BigDecimal) row[11]);
                        (set == 1 ? byReason : set == 2 ? byState : totals).add(figures);
                    }
                    return new Stats(start, end, List.copyOf(totals), List.copyOf(byReason), List.copyOf(byState));
                });
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
