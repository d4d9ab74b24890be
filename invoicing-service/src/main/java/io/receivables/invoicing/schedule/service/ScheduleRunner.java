package io.receivables.invoicing.schedule.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.schedule.ScheduleRun;
import io.receivables.invoicing.schedule.repository.BillingScheduleRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Issues the periods that have started by today (UTC), each in its own transaction, so that one failing schedule (a
 * credit limit under policy REJECT, say) neither undoes nor stops the others. Safe to run on every replica at once and
 * again after a restart: a period is claimed under the schedule's row lock and committed with its run row.
 * <p>
 * A run is bounded ({@link ScheduleLimits}): at most so many periods per schedule and so many issued or attempted in
 * all, so it answers within seconds whatever the backlog; what it leaves is still due, so the next run continues with it
 * (oldest period first), and the run reports it as deferred.
 */
@ApplicationScoped
public class ScheduleRunner {

    private static final Logger LOG = Logger.getLogger(ScheduleRunner.class);
    /** Who issues the periods the scheduler finds due. */
    public static final Actor ACTOR = Actor.system("billing-scheduler");

    private final BillingScheduleRepository schedules;
    private final PeriodIssuer issuer;
    private final Clock clock;
    private final ScheduleLimits limits;
    /** Periods left due by the last run of this replica, for alerting on a backlog that does not shrink. */
    private final AtomicLong deferredPeriods = new AtomicLong();

    @Inject
    public ScheduleRunner(BillingScheduleRepository schedules, PeriodIssuer issuer, Clock clock, ScheduleLimits limits,
            MeterRegistry metrics) {
        this.schedules = schedules;
        this.issuer = issuer;
        this.clock = clock;
        this.limits = limits;
        metrics.gauge("receivables.schedules.deferred.periods", deferredPeriods);
    }

    @Scheduled(identity = "billing-schedules", every = "${receivables.invoicing.schedules.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runDue(ACTOR).replaceWithVoid();
    }

    /** Issues every due period as {@code actor}: the scheduler's {@link #ACTOR}, or the admin who runs it by hand. */
    public Uni<RunReport> runDue(Actor actor) {
        LocalDate today = LocalDate.now(clock);
        List<RunReport.Issued> issued = new ArrayList<>();
        List<RunReport.Failed> failed = new ArrayList<>();
        // issued periods and failed attempts alike use up the run's budget: both take a transaction
        AtomicInteger budget = new AtomicInteger(limits.maxPeriodsPerRun());
        return schedules.dueIds(today, limits.maxPeriodsPerRun())
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> issueDue(actor, id, today, 0, budget, issued, failed))
                        .collect().last())
                .chain(() -> schedules.stillDue(today))
                .map(due -> {
                    RunReport report = new RunReport(today, List.copyOf(issued), List.copyOf(failed),
                            new RunReport.Deferred(due.size(),
                                    due.stream().mapToLong(schedule -> schedule.periodsDue(today)).sum(),
                                    limits.maxPeriodsPerSchedule(), limits.maxPeriodsPerRun()));
                    deferredPeriods.set(report.deferred().periods());
                    log(report);
                    return report;
                });
    }

    /**
     * Issues the schedule's due periods one after the other, until none is due, one fails, or a limit is reached (the
     * rest is issued by the next runs).
     */
    private Uni<Void> issueDue(Actor actor, UUID id, LocalDate today, int issuedForSchedule, AtomicInteger budget,
            List<RunReport.Issued> issued, List<RunReport.Failed> failed) {
        if (issuedForSchedule >= limits.maxPeriodsPerSchedule() || budget.get() <= 0) {
            return Uni.createFrom().voidItem();
        }
        // one transaction per period: the scheduler is the edge, so one failing schedule undoes nothing else
        return Panache.withTransaction(() -> issuer.issueNextPeriod(actor, id, today))
                .onFailure()
                .recoverWithUni(failure -> {
                    budget.decrementAndGet();
                    return recordFailure(id, failure, failed).replaceWith(Optional.<ScheduleRun> empty());
                })
                .chain(run -> {
                    if (run.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    budget.decrementAndGet();
                    issued.add(issuedOf(run.get()));
                    return issueDue(actor, id, today, issuedForSchedule + 1, budget, issued, failed);
                });
    }

    private static void log(RunReport report) {
        if (report.deferred().periods() > 0) {
            LOG.infof("Billing schedules as of %s: %d period(s) issued, %d schedule(s) failed; %d period(s) of %d"
                    + " schedule(s) deferred to the next runs (at most %d per schedule and %d per run)", report.asOf(),
                    report.issued().size(), report.failed().size(), report.deferred().periods(),
                    report.deferred().schedules(), report.deferred().maxPeriodsPerSchedule(),
                    report.deferred().maxPeriodsPerRun());
        } else if (!report.issued().isEmpty() || !report.failed().isEmpty()) {
            LOG.infof("Billing schedules as of %s: %d period(s) issued, %d schedule(s) failed", report.asOf(),
                    report.issued().size(), report.failed().size());
        }
    }

    private Uni<Void> recordFailure(UUID id, Throwable failure, List<RunReport.Failed> failed) {
        String error;
        if (failure instanceof ProblemException problem) {
            error = problem.getMessage();
        } else {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(failure, "Billing schedule %s failed to issue; error id %s", id, errorId);
            error = "Unexpected error; quote error id " + errorId + " to support";
        }
        failed.add(new RunReport.Failed(id, error));
        return Panache.withTransaction(() -> issuer.recordFailure(id, error))
                .onFailure().invoke(e -> LOG.warnf(e, "Could not record the failure of billing schedule %s", id))
                .onFailure().recoverWithNull();
    }

    private static RunReport.Issued issuedOf(ScheduleRun run) {
        return new RunReport.Issued(run.scheduleId, run.periodStart, run.periodEnd, run.invoiceId, run.invoiceNumber);
    }
}
