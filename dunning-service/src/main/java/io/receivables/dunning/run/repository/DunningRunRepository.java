package io.receivables.dunning.run.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.NewestFirst;
import io.receivables.common.paging.Page;
import io.receivables.dunning.run.CustomerPlan;
import io.receivables.dunning.run.DunningRun;
import io.receivables.dunning.run.RunCounts;
import io.receivables.dunning.run.RunOutcome;
import io.receivables.dunning.run.SkipReason;
import io.smallrye.mutiny.Uni;

/**
 * Runs and their customers, skips and actions. Everything joins the caller's session or transaction: the worker's
 * per-customer transaction claims, writes and marks done in one.
 */
@ApplicationScoped
public class DunningRunRepository implements PanacheRepositoryBase<DunningRun, UUID> {

    private static final NewestFirst NEWEST_FIRST = new NewestFirst("r", "createdAt");

    /**
     * The run's candidates: customers with an open, not wholly disputed invoice whose due date (or, while an ACTIVE plan
     * covers it, an instalment date) is on or before the day plus the earliest step any policy has before a due date
     * (the most negative offset), so that courtesy reminders before the due date are found too.
     */
    private static final String CANDIDATES = """
            FROM dunning_invoice i
            WHERE i.state = 'OPEN' AND i.open_amount > 0 AND i.open_amount > i.disputed_amount
              AND CASE WHEN EXISTS (SELECT 1 FROM dunning_plan_invoice pi
                                    JOIN dunning_payment_plan pp ON pp.plan_id = pi.plan_id AND pp.state = 'ACTIVE'
                                    WHERE pi.invoice_id = i.invoice_id)
                       THEN EXISTS (SELECT 1 FROM dunning_plan_invoice pi
                                    JOIN dunning_payment_plan pp ON pp.plan_id = pi.plan_id AND pp.state = 'ACTIVE'
                                    JOIN dunning_plan_instalment pn ON pn.plan_id = pp.plan_id
                                    WHERE pi.invoice_id = i.invoice_id AND pn.due_date <= CAST(:asOf AS date)
                                      + (SELECT GREATEST(0, COALESCE(-MIN(offset_days), 0)) FROM dunning_policy_step))
                       ELSE i.due_date <= CAST(:asOf AS date)
                                      + (SELECT GREATEST(0, COALESCE(-MIN(offset_days), 0)) FROM dunning_policy_step)
                  END""";

    /** Creates today's scheduled run unless one exists (the unique key on scheduled as-of dates): 1 when created. */
    public Uni<Integer> insertScheduled(DunningRun run) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO dunning_run (id, as_of, trigger, status, catch_up_marks, catch_up_deadline, created_by,
                                         created_at)
                VALUES (:id, :asOf, 'SCHEDULED', :status, :marks, :deadline, :by, :at)
                ON CONFLICT (as_of) WHERE trigger = 'SCHEDULED' DO NOTHING""")
                .setParameter("id", run.id).setParameter("asOf", run.asOf).setParameter("status", run.status.name())
                .setParameter("marks", run.catchUpMarks).setParameter("deadline", run.catchUpDeadline)
                .setParameter("by", run.createdBy).setParameter("at", run.createdAt).executeUpdate());
    }

    /** WAITING_FOR_CATCH_UP → RUNNING, and the candidates snapshotted in ONE statement; false when another did it. */
    public Uni<Boolean> start(UUID runId, LocalDate asOf, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("UPDATE dunning_run"
                + " SET status = 'RUNNING', started_at = :now WHERE id = :run AND status = 'WAITING_FOR_CATCH_UP'")
                .setParameter("now", now).setParameter("run", runId).executeUpdate()
                .chain(updated -> updated == 0 ? Uni.createFrom().item(false)
                        : session.createNativeQuery("INSERT INTO dunning_run_customer (run_id, customer_id)"
                                + " SELECT DISTINCT CAST(:run AS uuid), i.customer_id " + CANDIDATES)
                                .setParameter("run", runId).setParameter("asOf", asOf).executeUpdate()
                                .replaceWith(true)));
    }

    public Uni<Integer> fail(UUID runId, String reason, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("UPDATE dunning_run"
                + " SET status = 'FAILED', failure_reason = :reason, finished_at = :now"
                + " WHERE id = :run AND status = 'WAITING_FOR_CATCH_UP'").setParameter("reason", reason)
                .setParameter("now", now).setParameter("run", runId).executeUpdate());
    }

    /** Claims one customer of the run nobody has done or holds: its row stays locked until the transaction ends. */
    public Uni<UUID> claim(UUID runId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT customer_id"
                + " FROM dunning_run_customer WHERE run_id = :run AND NOT done ORDER BY customer_id LIMIT 1"
                + " FOR UPDATE SKIP LOCKED", UUID.class).setParameter("run", runId).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.getFirst());
    }

    public Uni<Integer> markDone(UUID runId, UUID customerId, RunOutcome outcome, String detail) {
        return Panache.getSession().chain(session -> session.createNativeQuery("UPDATE dunning_run_customer"
                + " SET done = TRUE, outcome = :outcome, detail = :detail"
                + " WHERE run_id = :run AND customer_id = :customer AND NOT done")
                .setParameter("outcome", outcome.name()).setParameter("detail", detail).setParameter("run", runId)
                .setParameter("customer", customerId).executeUpdate());
    }

    /** COMPLETED once no customer row is left undone (a replica still holding one completes it when it is done). */
    public Uni<Integer> completeIfDone(UUID runId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("UPDATE dunning_run"
                + " SET status = 'COMPLETED', finished_at = :now WHERE id = :run AND status = 'RUNNING'"
                + " AND NOT EXISTS (SELECT 1 FROM dunning_run_customer c WHERE c.run_id = :run AND NOT c.done)")
                .setParameter("now", now).setParameter("run", runId).executeUpdate());
    }

    public Uni<Void> recordSkips(UUID runId, UUID customerId, List<CustomerPlan.Skip> skips) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (CustomerPlan.Skip skip : skips) {
            written = written.chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                    "INSERT INTO dunning_run_skip (run_id, customer_id, channel, invoice_id, reason)"
                            + " VALUES (:run, :customer, :channel, :invoice, :reason)")
                    .setParameter("run", runId).setParameter("customer", customerId)
                    .setParameter("channel", skip.channel() == null ? null : skip.channel().name())
                    .setParameter("invoice", skip.invoiceId()).setParameter("reason", skip.reason().name())
                    .executeUpdate())).replaceWithVoid();
        }
        return written;
    }

    /** The highest step actioned so far per invoice (invoices never actioned are absent). */
    public Uni<Map<UUID, Integer>> highestActioned(List<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT invoice_id, MAX(step_number)"
                + " FROM dunning_action WHERE invoice_id IN (:ids) GROUP BY invoice_id", Object[].class)
                .setParameter("ids", invoiceIds).getResultList())
                .map(rows -> {
                    Map<UUID, Integer> highest = new HashMap<>();
                    rows.forEach(row -> highest.put((UUID) row[0], ((Number) row[1]).intValue()));
                    return highest;
                });
    }

    /** One (invoice, step) actioned; a duplicate key (another replica or run did it) fails the caller's transaction. */
    public Uni<Integer> insertAction(UUID invoiceId, int step, UUID runId, UUID customerId, UUID policyId,
            long policyVersion, List<UUID> messageIds, Instant now) {
        String ids = messageIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO dunning_action (invoice_id, step_number, run_id, customer_id, policy_id, policy_version,
                                            message_ids, actioned_at)
                VALUES (:invoice, :step, :run, :customer, :policy, :version,
                        CAST(string_to_array(:ids, ',') AS uuid[]), :now)""")
                .setParameter("invoice", invoiceId).setParameter("step", step).setParameter("run", runId)
                .setParameter("customer", customerId).setParameter("policy", policyId)
                .setParameter("version", policyVersion).setParameter("ids", ids).setParameter("now", now)
                .executeUpdate());
    }

    public Uni<RunCounts> counts(UUID runId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT (SELECT count(*) FROM dunning_run_customer WHERE run_id = :run),
                       (SELECT count(*) FROM dunning_run_customer WHERE run_id = :run AND done),
                       (SELECT count(*) FROM dunning_message WHERE run_id = :run),
                       (SELECT count(*) FROM dunning_action WHERE run_id = :run)""", Object[].class)
                .setParameter("run", runId).getSingleResult()
                .chain(totals -> session.createNativeQuery("SELECT reason, count(*) FROM dunning_run_skip"
                        + " WHERE run_id = :run GROUP BY reason", Object[].class).setParameter("run", runId)
                        .getResultList().map(rows -> {
                            Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
                            rows.forEach(row -> skipped.put(SkipReason.valueOf((String) row[0]),
                                    ((Number) row[1]).longValue()));
                            return new RunCounts(number(totals[0]), number(totals[1]), number(totals[2]),
                                    number(totals[3]), skipped);
                        })));
    }

    /** Runs some replica should work on: waiting for catch-up or running, oldest first. */
    public Uni<List<DunningRun>> active() {
        return list("status in ('WAITING_FOR_CATCH_UP', 'RUNNING') order by createdAt");
    }

    public Uni<Page<DunningRun>> page(String cursor, int limit) {
        StringBuilder query = new StringBuilder("from DunningRun r where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        NEWEST_FIRST.continueAfter(cursor, query, parameters);
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> NEWEST_FIRST.page(rows, limit, run -> run.createdAt, run -> run.id));
    }

    /** A batch of the candidates on {@code asOf} after {@code after} (null: from the start), in id order: the preview. */
    public Uni<List<UUID>> candidates(LocalDate asOf, UUID after, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT DISTINCT i.customer_id "
                + CANDIDATES + " AND i.customer_id > :after ORDER BY i.customer_id LIMIT :limit", UUID.class)
                .setParameter("asOf", asOf).setParameter("after", after == null ? new UUID(0, 0) : after)
                .setParameter("limit", limit).getResultList())
                .map(ArrayList::new);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
