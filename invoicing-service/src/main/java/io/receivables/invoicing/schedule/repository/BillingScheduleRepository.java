package io.receivables.invoicing.schedule.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.paging.Cursors;
import io.receivables.common.paging.Page;
import io.receivables.invoicing.schedule.BillingCalendar;
import io.receivables.invoicing.schedule.BillingSchedule;
import io.receivables.invoicing.schedule.Frequency;
import io.receivables.invoicing.schedule.ScheduleStatus;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BillingScheduleRepository implements PanacheRepositoryBase<BillingSchedule, UUID> {

    /**
     * Locks the schedule if it is active and its next period has started by {@code today}; null if not, or if another
     * runner holds it right now (SKIP LOCKED: replicas pass each other by instead of queueing). The row is read after the
     * lock is taken, so its next period is the one still to issue, never one another runner just issued.
     */
    private static final String CLAIM_DUE = """
            SELECT * FROM billing_schedule
            WHERE id = :id AND status = 'ACTIVE' AND next_period_start <= :today
            FOR UPDATE SKIP LOCKED""";

    /**
     * At most {@code limit} active schedules with a period started by {@code today}: those without a failure first, then
     * the ones that failed longest ago, each group oldest period first, so that schedules that keep failing can never
     * hold back the others. Reads without locking.
     */
    @WithSession
    public Uni<List<UUID>> dueIds(LocalDate today, int limit) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select s.id from BillingSchedule s where s.status = :active and s.nextPeriodStart <= :today"
                        + " order by s.lastErrorAt nulls first, s.nextPeriodStart, s.id",
                UUID.class)
                .setParameter("active", ScheduleStatus.ACTIVE)
                .setParameter("today", today)
                .setMaxResults(limit)
                .getResultList());
    }

    /** The calendars and next periods of the active schedules with a period started by {@code today}. */
    @WithSession
    public Uni<List<DueSchedule>> stillDue(LocalDate today) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select s.frequency, s.anchorDay, s.nextPeriodStart, s.endDate from BillingSchedule s"
                        + " where s.status = :active and s.nextPeriodStart <= :today",
                Object[].class)
                .setParameter("active", ScheduleStatus.ACTIVE)
                .setParameter("today", today)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new DueSchedule(
                        new BillingCalendar((Frequency) row[0], (Integer) row[1]), (LocalDate) row[2],
                        (LocalDate) row[3])).toList());
    }

    /** A schedule with periods still to issue: enough to count them. */
    public record DueSchedule(BillingCalendar calendar, LocalDate nextPeriodStart, LocalDate endDate) {

        /** Its periods started by {@code today} and not after its end date. */
        public long periodsDue(LocalDate today) {
            long count = 0;
            for (LocalDate p = nextPeriodStart; !p.isAfter(today) && (endDate == null || !p.isAfter(endDate)); p = calendar
                    .nextPeriodStart(p)) {
                count++;
            }
            return count;
        }
    }

    /** Must run in the caller's transaction; see {@link #CLAIM_DUE}. */
    public Uni<BillingSchedule> claimDue(UUID id, LocalDate today) {
        return getSession().chain(session -> session.createNativeQuery(CLAIM_DUE, BillingSchedule.class)
                .setParameter("id", id)
                .setParameter("today", today)
                .getSingleResultOrNull());
    }

    /** Schedules in the order they were created (then id: the keyset), optionally of one customer. */
    public Uni<Page<BillingSchedule>> page(UUID customerId, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from BillingSchedule s where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (customerId != null) {
            query.append(" and s.customerId = :customer");
            parameters.put("customer", customerId);
        }
        if (cursor != null && !cursor.isBlank()) {
            List<String> after = Cursors.decode(cursor, 2);
            query.append(" and (s.createdAt > :created or (s.createdAt = :created and s.id > :id))");
            parameters.put("created", parse(() -> Instant.parse(after.get(0))));
            parameters.put("id", parse(() -> UUID.fromString(after.get(1))));
        }
        query.append(" order by s.createdAt, s.id");
        // range is inclusive: limit + 1 rows tell whether there is a next page
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> Cursors.page(rows, limit, s -> Cursors.encode(s.createdAt.toString(), s.id.toString())));
    }

    private static <T> T parse(java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw Cursors.notOurs();
        }
    }
}
