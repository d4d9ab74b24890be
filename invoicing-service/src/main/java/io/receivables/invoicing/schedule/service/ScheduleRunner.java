package io.receivables.invoicing.schedule.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.schedule.ScheduleRun;
import io.receivables.invoicing.schedule.repository.BillingScheduleRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Issues every period that has started by today (UTC), each in its own transaction, so that one failing schedule (a
 * credit limit under policy REJECT, say) neither undoes nor stops the others. Safe to run on every replica at once and
 * again after a restart: a period is claimed under the schedule's row lock and committed with its run row.
 */
@ApplicationScoped
public class ScheduleRunner {

    private static final Logger LOG = Logger.getLogger(ScheduleRunner.class);
    /** Who issues the periods the scheduler finds due. */
    public static final Actor ACTOR = Actor.system("billing-scheduler");

    private final BillingScheduleRepository schedules;
    private final PeriodIssuer issuer;
    private final Clock clock;

    @Inject
    public ScheduleRunner(BillingScheduleRepository schedules, PeriodIssuer issuer, Clock clock) {
        this.schedules = schedules;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Scheduled(identity = "billing-schedules", every = "${receivables.invoicing.schedules.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runDue(ACTOR)
                .invoke(report -> LOG.infof("Billing schedules as of %s: %d period(s) issued, %d schedule(s) failed",
                        report.asOf(), report.issued().size(), report.failed().size()))
                .replaceWithVoid();
    }

    /** Issues every due period as {@code actor}: the scheduler's {@link #ACTOR}, or the admin who runs it by hand. */
    public Uni<RunReport> runDue(Actor actor) {
        LocalDate today = LocalDate.now(clock);
        List<RunReport.Issued> issued = new ArrayList<>();
        List<RunReport.Failed> failed = new ArrayList<>();
        return schedules.dueIds(today)
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> catchUp(actor, id, today, issued, failed))
                        .collect().last())
                .map(ignored -> new RunReport(today, List.copyOf(issued), List.copyOf(failed)));
    }

    /** Issues the schedule's due periods one after the other, until none is due or one fails. */
    private Uni<Void> catchUp(Actor actor, UUID id, LocalDate today, List<RunReport.Issued> issued,
            List<RunReport.Failed> failed) {
        // one transaction per period: the scheduler is the edge, so one failing schedule undoes nothing else
        return Panache.withTransaction(() -> issuer.issueNextPeriod(actor, id, today))
                .onFailure()
                .recoverWithUni(
                        failure -> recordFailure(id, failure, failed).replaceWith(java.util.Optional.<ScheduleRun> empty()))
                .chain(run -> {
                    if (run.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    issued.add(issuedOf(run.get()));
                    return catchUp(actor, id, today, issued, failed);
                });
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
