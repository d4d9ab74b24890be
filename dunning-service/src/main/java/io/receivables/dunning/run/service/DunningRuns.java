package io.receivables.dunning.run.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.run.DunningRun;
import io.receivables.dunning.run.RunCounts;
import io.receivables.dunning.run.RunStatus;
import io.receivables.dunning.run.RunTrigger;
import io.receivables.dunning.run.repository.DunningRunRepository;
import io.smallrye.mutiny.Uni;

/**
 * Creating and reading runs. A run is created WAITING_FOR_CATCH_UP with the consumers' marks; the worker
 * ({@link RunWorker}) starts and processes it on whichever replica. Changes run in the caller's transaction.
 */
@ApplicationScoped
public class DunningRuns {

    /** The scheduler's actor: the daily run. */
    public static final Actor SCHEDULER = Actor.system("dunning-scheduler");

    /** A run with its counts. */
    public record RunView(DunningRun run, RunCounts counts) {
    }

    /** One customer's preview: what the run would send on the day. */
    public record CustomerPreview(UUID customerId, CustomerDecision decision) {
    }

    public record Preview(LocalDate asOf, List<CustomerPreview> customers, String nextCursor) {
    }

    private final DunningRunRepository runs;
    private final CatchUpMarks marks;
    private final CustomerDecisions decisions;
    private final AuditLog audit;
    private final RunConfig config;
    private final Clock clock;

    @Inject
    public DunningRuns(DunningRunRepository runs, CatchUpMarks marks, CustomerDecisions decisions, AuditLog audit,
            RunConfig config, Clock clock) {
        this.runs = runs;
        this.marks = marks;
        this.decisions = decisions;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Today in UTC by the injected clock: a run's default day. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    }

    /** 400 naming asOf for a day after today, unless configured to allow it. */
    public void checkAsOf(LocalDate asOf) {
        if (!config.allowFutureAsOf() && asOf.isAfter(today())) {
            throw ProblemException.invalid("asOf", "must not be after today (" + today() + ")");
        }
    }

    /** A manual run for the day. */
    public Uni<RunView> start(Actor actor, LocalDate asOf) {
        checkAsOf(asOf);
        return marks.take().chain(taken -> {
            DunningRun run = newRun(actor, asOf, RunTrigger.MANUAL, taken);
            return runs.persist(run)
                    .chain(() -> audit.record(actor, "startDunningRun", "dunning-run", run.id,
                            AuditSummary.of().value("asOf", asOf).value("trigger", RunTrigger.MANUAL)))
                    .chain(runs::flush)
                    .replaceWith(new RunView(run, new RunCounts(0, 0, 0, 0, java.util.Map.of())));
        });
    }

    /**
     * The day's scheduled run, once it is {@code daily-at} (UTC) by the clock and unless one exists for the day (a
     * unique key: two replicas' schedulers create one). The run's id when this call created it.
     */
    public Uni<Optional<UUID>> startScheduledIfDue() {
        Instant now = clock.instant();
        LocalTime at = LocalTime.parse(config.dailyAt());
        if (LocalTime.ofInstant(now, java.time.ZoneOffset.UTC).isBefore(at)) {
            return Uni.createFrom().item(Optional.empty());
        }
        LocalDate day = today();
        return marks.take().chain(taken -> {
            DunningRun run = newRun(SCHEDULER, day, RunTrigger.SCHEDULED, taken);
            return runs.insertScheduled(run).chain(created -> created == 0 ? Uni.createFrom().item(Optional.empty())
                    : audit.record(SCHEDULER, "startDunningRun", "dunning-run", run.id,
                            AuditSummary.of().value("asOf", day).value("trigger", RunTrigger.SCHEDULED))
                            .replaceWith(Optional.of(run.id)));
        });
    }

    @WithSession
    public Uni<RunView> get(UUID id) {
        return runs.findById(id).chain(run -> {
            if (run == null) {
                throw ProblemException.notFound("No dunning run " + id);
            }
            return runs.counts(id).map(counts -> new RunView(run, counts));
        });
    }

    @WithSession
    public Uni<Page<RunView>> list(String cursor, int limit) {
        return runs.page(cursor, limit).chain(page -> {
            Uni<List<RunView>> views = Uni.createFrom().item(new ArrayList<>());
            for (DunningRun run : page.items()) {
                views = views.chain(list -> runs.counts(run.id).map(counts -> {
                    list.add(new RunView(run, counts));
                    return list;
                }));
            }
            return views.map(list -> new Page<>(list, page.nextCursor()));
        });
    }

    /** What a run on {@code asOf} would send, per candidate customer in id order after {@code after}; writes nothing. */
    @WithSession
    public Uni<Preview> preview(LocalDate asOf, UUID after, int limit) {
        checkAsOf(asOf);
        return runs.candidates(asOf, after, limit + 1).chain(ids -> {
            boolean more = ids.size() > limit;
            List<UUID> page = more ? ids.subList(0, limit) : ids;
            Uni<List<CustomerPreview>> previews = Uni.createFrom().item(new ArrayList<>());
            for (UUID id : page) {
                previews = previews.chain(list -> decisions.decide(id, asOf).map(decision -> {
                    list.add(new CustomerPreview(id, decision));
                    return list;
                }));
            }
            return previews.map(list -> new Preview(asOf, list, more ? page.getLast().toString() : null));
        });
    }

    private DunningRun newRun(Actor actor, LocalDate asOf, RunTrigger trigger, String taken) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DunningRun run = new DunningRun();
        run.id = UUID.randomUUID();
        run.asOf = asOf;
        run.trigger = trigger;
        run.status = RunStatus.WAITING_FOR_CATCH_UP;
        run.catchUpMarks = taken;
        run.catchUpDeadline = now.plus(config.catchUpTimeout());
        run.createdBy = actor.id();
        run.createdAt = now;
        return run;
    }
}
