package io.receivables.payments.plan.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.payments.plan.PlanStatus;
import io.receivables.payments.plan.repository.PaymentPlanRepository;
import io.receivables.payments.plan.repository.PlanInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * Cancelling a plan: it ends without being paid or broken, and its invoices may enter a new plan. Holds the plan's row
 * lock, so an evaluation at the same moment waits and then finds it no longer ACTIVE. Runs in the caller's transaction.
 */
@ApplicationScoped
public class PlanChanges {

    private final PaymentPlanRepository plans;
    private final PlanInvoiceRepository planInvoices;
    private final PlanQueries queries;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public PlanChanges(PaymentPlanRepository plans, PlanInvoiceRepository planInvoices, PlanQueries queries,
            AuditLog audit, Clock clock) {
        this.plans = plans;
        this.planInvoices = planInvoices;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<PlanView> cancel(Actor actor, UUID planId, ExpectedVersion expected) {
        return plans.findById(planId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No payment plan " + planId))
                .chain(plan -> {
                    IfMatch.check(expected, plan.version, "Payment plan " + planId);
                    if (plan.status != PlanStatus.ACTIVE) {
                        throw new ProblemException(ProblemType.CONFLICT, "payment plan " + planId + " is "
                                + plan.status + "; only an ACTIVE plan can be cancelled", List.of());
                    }
                    plan.status = PlanStatus.CANCELLED;
                    plan.cancelledOn = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                    plan.endedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    // no contract event for a cancellation yet (docs/payments.md, Not done yet): of record here
                    return planInvoices.update("active = false where planId = ?1", planId)
                            .chain(() -> audit.record(actor, "cancelPaymentPlan", "payment-plan", planId,
                                    AuditSummary.of().change("status", PlanStatus.ACTIVE, PlanStatus.CANCELLED)))
                            .chain(() -> plans.flush())
                            .chain(() -> queries.views(List.of(plan))).map(List::getFirst);
                });
    }
}
