package io.receivables.dunning.promise.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.money.Currencies;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.PromiseBroken;
import io.receivables.contracts.events.PromiseKept;
import io.receivables.dunning.promise.PromiseState;
import io.receivables.dunning.promise.PromiseToPay;
import io.receivables.dunning.promise.config.PromiseConfig;
import io.smallrye.mutiny.Uni;

/**
 * The promise check: every five minutes by default ({@code receivables.dunning.promise.checks.cron}) and by hand through
 * {@code POST /promises-to-pay/checks}. Each OPEN promise is KEPT when what payments settled on its invoices since it
 * was made (paid plus discount taken, less the baseline recorded when it was made) covers its amount, else BROKEN once
 * today is after its hold-until day. Promises are claimed in batches with {@code FOR UPDATE SKIP LOCKED}, one
 * transaction per batch with their events: two checks at once (two replicas, the scheduler and an operator) take
 * different promises, and a promise no longer OPEN is never taken again, so each is kept or broken exactly once.
 */
@ApplicationScoped
public class PromiseChecks {

    private static final Logger LOG = Logger.getLogger(PromiseChecks.class);
    /** Who keeps or breaks a promise: the platform, also when an operator runs the check. */
    public static final Actor ACTOR = Actor.system("dunning-promise-check");

    private static final String CLAIM = """
            SELECT * FROM dunning_promise WHERE state = 'OPEN' AND id > :after
            ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""";
    private static final String PAID = """
            SELECT pi.promise_id, coalesce(sum(i.amount_paid + i.amount_discounted), 0)
            FROM dunning_promise_invoice pi JOIN dunning_invoice i ON i.invoice_id = pi.invoice_id
            WHERE pi.promise_id IN (:ids) GROUP BY pi.promise_id""";

    /** What one check did. */
    @Schema(name = "PromiseCheckReport", description = "What one promise check did")
    public record CheckReport(
            @Schema(description = "The day promises' hold-until days were compared with (UTC)") LocalDate checkedOn,
            @Schema(description = "Promises this check found covered (promise-kept published)") List<UUID> kept,
            @Schema(description = "Promises this check found broken (promise-broken published)") List<UUID> broken,
            @Schema(description = "OPEN promises looked at (those another check held at the time are not)") int examined) {
    }

    private final OutboxWriter outbox;
    private final PromiseConfig config;
    private final Clock clock;

    @Inject
    public PromiseChecks(OutboxWriter outbox, PromiseConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "dunning-promise-checks", cron = "${receivables.dunning.promise.checks.cron}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(failure -> LOG.error("The promise check failed; the next one tries again",
                failure)).onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<CheckReport> run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        List<UUID> kept = new ArrayList<>();
        List<UUID> broken = new ArrayList<>();
        int[] examined = { 0 };
        return batch(new UUID(0, 0), today, now, kept, broken, examined)
                .map(ignored -> new CheckReport(today, List.copyOf(kept), List.copyOf(broken), examined[0]))
                .invoke(report -> {
                    if (!report.kept().isEmpty() || !report.broken().isEmpty()) {
                        LOG.infof("Promise check on %s: %d kept, %d broken", today, report.kept().size(),
                                report.broken().size());
                    }
                });
    }

    /** One batch in its own transaction, then the next after its last id, until a batch is short. */
    private Uni<Void> batch(UUID after, LocalDate today, Instant now, List<UUID> kept, List<UUID> broken,
            int[] examined) {
        int limit = config.checks().batchSize();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, PromiseToPay.class).setParameter("after", after)
                        .setParameter("limit", limit).getResultList())
                .chain(claimed -> settle(claimed, today, now, kept, broken).replaceWith(claimed)))
                .chain(claimed -> {
                    examined[0] += claimed.size();
                    return claimed.size() < limit ? Uni.createFrom().voidItem()
                            : batch(claimed.getLast().id, today, now, kept, broken, examined);
                });
    }

    private Uni<Void> settle(List<PromiseToPay> claimed, LocalDate today, Instant now, List<UUID> kept,
            List<UUID> broken) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return paidNow(claimed.stream().map(p -> p.id).toList()).chain(paid -> {
            Uni<Void> done = Uni.createFrom().voidItem();
            for (PromiseToPay promise : claimed) {
                BigDecimal since = Currencies.round(paid.getOrDefault(promise.id, BigDecimal.ZERO)
                        .subtract(promise.paidBaseline).max(BigDecimal.ZERO), promise.currency);
                if (since.compareTo(promise.amount) >= 0) {
                    done = done.chain(() -> keep(promise, since, now)).invoke(() -> kept.add(promise.id));
                } else if (today.isAfter(promise.holdUntil)) {
                    done = done.chain(() -> breakOff(promise, since, now)).invoke(() -> broken.add(promise.id));
                }
            }
            return done;
        });
    }

    private Uni<Void> keep(PromiseToPay promise, BigDecimal paid, Instant now) {
        resolve(promise, PromiseState.KEPT, paid, now);
        return outbox.append(ACTOR, Promises.AGGREGATE, new PromiseKept(promise.id, promise.customerId,
                promise.currency, Currencies.round(promise.amount, promise.currency), paid, promise.promisedDate, now),
                AuditSummary.of().change("state", PromiseState.OPEN, PromiseState.KEPT)).replaceWithVoid();
    }

    private Uni<Void> breakOff(PromiseToPay promise, BigDecimal paid, Instant now) {
        resolve(promise, PromiseState.BROKEN, paid, now);
        return outbox.append(ACTOR, Promises.AGGREGATE, new PromiseBroken(promise.id, promise.customerId,
                promise.currency, Currencies.round(promise.amount, promise.currency), paid, promise.promisedDate,
                promise.holdUntil, now),
                AuditSummary.of().change("state", PromiseState.OPEN, PromiseState.BROKEN)).replaceWithVoid();
    }

    private static void resolve(PromiseToPay promise, PromiseState state, BigDecimal paid, Instant now) {
        promise.state = state;
        promise.amountPaid = paid;
        promise.resolvedAt = now;
        promise.version++;
    }

    /** Paid plus discount taken, now, on each promise's invoices. */
    private Uni<Map<UUID, BigDecimal>> paidNow(List<UUID> ids) {
        return Panache.getSession().chain(session -> session.createNativeQuery(PAID, Object[].class)
                .setParameter("ids", ids).getResultList()).map(rows -> {
                    Map<UUID, BigDecimal> paid = new HashMap<>();
                    for (Object[] row : rows) {
                        paid.put((UUID) row[0], (BigDecimal) row[1]);
                    }
                    return paid;
                });
    }
}
