package io.receivables.dunning.run.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.receivables.dunning.run.DunningRun;
import io.receivables.dunning.run.RunOutcome;
import io.receivables.dunning.run.RunStatus;
import io.receivables.dunning.run.repository.DunningRunRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Works on runs, on every replica at once: starts a waiting run once the consumers caught up to its marks (or fails it
 * at its deadline, sending nothing), and processes a running run's customers one per transaction, each claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so that replicas share the customers and a crashed replica's customer (its
 * transaction rolled back, its lock gone) is taken by another. The edge of the transactions: each customer's is its
 * own, so one failing customer undoes nothing else.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);
    /** The primary key of dunning_action: another replica or run actioned the (invoice, step) first. */
    static final String ACTION_KEY = "dunning_action_pkey";

    private final DunningRunRepository runs;
    private final CatchUpMarks marks;
    private final CustomerRunner runner;
    private final DunningRuns dunningRuns;
    private final Clock clock;

    @Inject
    public RunWorker(DunningRunRepository runs, CatchUpMarks marks, CustomerRunner runner, DunningRuns dunningRuns,
            Clock clock) {
        this.runs = runs;
        this.marks = marks;
        this.runner = runner;
        this.dunningRuns = dunningRuns;
        this.clock = clock;
    }

    @Scheduled(identity = "dunning-run-worker", every = "${receivables.dunning.run.worker-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledWork() {
        return workActive().onFailure().invoke(failure -> LOG.warn("dunning run worker failed; next turn retries",
                failure)).onFailure().recoverWithNull().replaceWithVoid();
    }

    @Scheduled(identity = "dunning-run-daily", every = "${receivables.dunning.run.schedule-check-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledDaily() {
        return Panache.withTransaction(dunningRuns::startScheduledIfDue)
                .invoke(created -> created.ifPresent(id -> LOG.infof("created the scheduled dunning run %s", id)))
                .onFailure().invoke(failure -> LOG.warn("creating the scheduled dunning run failed", failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Every waiting or running run, oldest first, as far as each goes now. */
    public Uni<Void> workActive() {
        return Panache.withSession(runs::active).chain(active -> Multi.createFrom().iterable(active)
                .onItem().transformToUniAndConcatenate(run -> work(run.id)).collect().asList()).replaceWithVoid();
    }

    /** Drives one run as far as it goes now; its status afterwards (WAITING_FOR_CATCH_UP: try again later). */
    public Uni<RunStatus> work(UUID runId) {
        return load(runId).chain(run -> switch (run.status) {
            case WAITING_FOR_CATCH_UP -> startWhenCaughtUp(run);
            case RUNNING -> processAll(run);
            default -> Uni.createFrom().item(run.status);
        });
    }

    private Uni<RunStatus> startWhenCaughtUp(DunningRun run) {
        return marks.behind(run.catchUpMarks).chain(behind -> {
            Instant now = now();
            if (behind.isEmpty()) {
                return Panache.withTransaction(() -> runs.start(run.id, run.asOf, now))
                        .chain(() -> load(run.id)).chain(started -> started.status == RunStatus.RUNNING
                                ? processAll(started)
                                : Uni.createFrom().item(started.status));
            }
            if (now.isAfter(run.catchUpDeadline)) {
                String reason = "the consumers did not catch up to the run's start by " + run.catchUpDeadline
                        + " (still behind: " + String.join(", ", behind) + "); nothing was sent";
                return Panache.withTransaction(() -> runs.fail(run.id, reason, now)).chain(() -> load(run.id))
                        .map(failed -> failed.status);
            }
            return Uni.createFrom().item(RunStatus.WAITING_FOR_CATCH_UP);
        });
    }

    private Uni<RunStatus> processAll(DunningRun run) {
        return Multi.createBy().repeating().uni(() -> processNext(run)).whilst(processed -> processed)
                .collect().last()
                .chain(() -> Panache.withTransaction(() -> runs.completeIfDone(run.id, now())))
                .chain(() -> load(run.id)).map(after -> after.status);
    }

    /** Claims and processes one customer in a transaction of its own; false when none is left to claim. */
    Uni<Boolean> processNext(DunningRun run) {
        AtomicReference<UUID> claimed = new AtomicReference<>();
        return Panache.withTransaction(() -> runs.claim(run.id).chain(customer -> {
            if (customer == null) {
                return Uni.createFrom().item(false);
            }
            claimed.set(customer);
            return runner.process(run, customer).replaceWith(true);
        })).onFailure().recoverWithUni(failure -> {
            UUID customer = claimed.get();
            if (customer == null) {
                return Uni.createFrom().failure(failure);
            }
            // the customer's transaction rolled back; recorded as done so that it is not taken again as new work
            boolean duplicate = isDuplicateAction(failure);
            RunOutcome outcome = duplicate ? RunOutcome.ALREADY_ACTIONED : RunOutcome.FAILED;
            String detail = duplicate ? "another replica or run actioned one of its (invoice, step)s first"
                    : truncate(String.valueOf(failure));
            if (!duplicate) {
                LOG.warnf(failure, "dunning run %s: customer %s failed", run.id, customer);
            }
            return Panache.withTransaction(() -> runs.markDone(run.id, customer, outcome, detail)).replaceWith(true);
        });
    }

    static boolean isDuplicateAction(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())
                    && ACTION_KEY.equals(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }

    private Uni<DunningRun> load(UUID runId) {
        return Panache.withSession(() -> runs.findById(runId)).map(run -> {
            if (run == null) {
                throw new IllegalArgumentException("no dunning run " + runId);
            }
            return run;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

}
