package io.receivables.payments.plan.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.receivables.contracts.events.Actor;
import io.receivables.payments.plan.PlanStatus;
import io.receivables.payments.plan.config.PlanConfig;
import io.receivables.payments.plan.repository.PaymentPlanRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The daily evaluation: every active plan with an instalment due more than the grace days ago is evaluated in its own
 * transaction, so one failing plan stops no other. Safe on every replica at once (PlanEvaluation publishes a transition
 * once) and again after a restart.
 */
@ApplicationScoped
public class PlanScheduler {

    private static final Logger LOG = Logger.getLogger(PlanScheduler.class);
    /** Who breaks (or completes) the plans the daily run finds. */
    public static final Actor ACTOR = Actor.system("payment-plan-scheduler");

    /** What one run did. */
    public record RunReport(LocalDate asOf, int evaluated,
            @Schema(description = "Plans found paid in full") List<UUID> completed,
            @Schema(description = "Plans found broken") List<UUID> broken,
            @Schema(description = "Plans whose evaluation failed; tried again by the next run") List<UUID> failed) {
    }

    private final PaymentPlanRepository plans;
    private final PlanEvaluation evaluation;
    private final PlanConfig config;
    private final Clock clock;

    @Inject
    public PlanScheduler(PaymentPlanRepository plans, PlanEvaluation evaluation, PlanConfig config, Clock clock) {
        this.plans = plans;
        this.evaluation = evaluation;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "payment-plans", cron = "${receivables.payments.plans.evaluation-cron}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runDue(ACTOR).replaceWithVoid();
    }

    /** Evaluates the plans that may be broken today, as {@code actor}: {@link #ACTOR}, or the admin who runs it. */
    public Uni<RunReport> runDue(Actor actor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<UUID> completed = new ArrayList<>();
        List<UUID> broken = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        return Panache.withSession(() -> plans.activeWithInstalmentDueBefore(today.minusDays(config.graceDays())))
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> Panache
                                .withTransaction(() -> evaluation.evaluate(actor, id, today))
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.errorf(failure, "Payment plan %s could not be evaluated; the next run tries"
                                            + " again", id);
                                    failed.add(id);
                                    return Optional.empty();
                                })
                                .invoke(made -> made.ifPresent(t -> (t.to() == PlanStatus.COMPLETED ? completed
                                        : broken).add(t.planId()))))
                        .collect().asList()
                        .map(all -> new RunReport(today, ids.size(), List.copyOf(completed), List.copyOf(broken),
                                List.copyOf(failed))))
                .invoke(report -> {
                    if (!report.broken().isEmpty() || !report.completed().isEmpty() || !report.failed().isEmpty()) {
                        LOG.infof("Payment plans as of %s: %d evaluated, %d broken, %d completed, %d failed",
                                report.asOf(), report.evaluated(), report.broken().size(),
                                report.completed().size(), report.failed().size());
                    }
                });
    }
}
