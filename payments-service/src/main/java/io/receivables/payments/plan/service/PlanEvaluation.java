package io.receivables.payments.plan.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.ReceivablesEvent;
import io.receivables.payments.plan.PaymentPlan;
import io.receivables.payments.plan.PlanInstalment;
import io.receivables.payments.plan.PlanInvoice;
import io.receivables.payments.plan.PlanStatus;
import io.receivables.payments.plan.Progress;
import io.receivables.payments.plan.config.PlanConfig;
import io.receivables.payments.plan.repository.PaymentPlanRepository;
import io.receivables.payments.plan.repository.PlanInstalmentRepository;
import io.receivables.payments.plan.repository.PlanInvoiceRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Decides whether an active plan is now COMPLETED (paid in full) or BROKEN (an instalment more than the grace days
 * late), and publishes that once. Called by the daily run (PlanScheduler) and, in the payment's own transaction,
 * whenever allocations to a plan's invoices change ({@link #follow}).
 * <p>
 * Exactly once with any number of replicas: the transition is a conditional {@code UPDATE ... WHERE status = 'ACTIVE'},
 * and only the transaction whose update changed the row appends the event; another one evaluating the same plan at the
 * same moment waits for that row, then finds it no longer ACTIVE, updates nothing and publishes nothing. The plan's
 * row is locked before its payments are read, so that two payments to two of its invoices, committing one after the
 * other, are counted together by the later one. Lock order: invoices (the payment's), then plans in id order.
 */
@ApplicationScoped
public class PlanEvaluation {

    /** A plan that left ACTIVE. */
    public record Transition(UUID planId, PlanStatus to) {
    }

    private final PaymentPlanRepository plans;
    private final PlanInvoiceRepository planInvoices;
    private final PlanInstalmentRepository planInstalments;
    private final PlanPayments payments;
    private final OutboxWriter outbox;
    private final PlanConfig config;
    private final Clock clock;

    @Inject
    public PlanEvaluation(PaymentPlanRepository plans, PlanInvoiceRepository planInvoices,
            PlanInstalmentRepository planInstalments, PlanPayments payments, OutboxWriter outbox, PlanConfig config,
            Clock clock) {
        this.plans = plans;
        this.planInvoices = planInvoices;
        this.planInstalments = planInstalments;
        this.payments = payments;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /**
     * After allocations to {@code invoiceIds} changed (recorded, allocated, taken back, reversed), in that change's
     * transaction and as its actor: evaluates the active plans covering them, in id order.
     */
    public Uni<List<Transition>> follow(Actor actor, Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return planInvoices.activeOf(invoiceIds).chain(memberships -> {
            List<UUID> planIds = memberships.stream().map(m -> m.planId).distinct().sorted().toList();
            return evaluateAll(actor, planIds, today);
        });
    }

    private Uni<List<Transition>> evaluateAll(Actor actor, List<UUID> planIds, LocalDate today) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Transition> transitions = new ArrayList<>();
        return Multi.createFrom().iterable(planIds)
                .onItem().transformToUniAndConcatenate(id -> evaluate(actor, id, today)
                        .invoke(made -> made.ifPresent(transitions::add)))
                .collect().last().map(ignored -> List.copyOf(transitions));
    }

    /** Evaluates one plan as of {@code today}, in the caller's transaction; empty when it stays as it is. */
    public Uni<Optional<Transition>> evaluate(Actor actor, UUID planId, LocalDate today) {
        return Panache.getSession().chain(session -> session.flush()
                // the lock first: what the plan was paid is read after every earlier change to it has committed
                .chain(() -> session.createNativeQuery("SELECT status FROM payment_plan WHERE id = :id FOR UPDATE")
                        .setParameter("id", planId).getResultList()))
                .chain(rows -> {
                    if (rows.isEmpty() || !PlanStatus.ACTIVE.name().equals(String.valueOf(rows.getFirst()))) {
                        return Uni.createFrom().item(Optional.<Transition> empty());
                    }
                    // one after the other: a reactive session takes one query at a time
                    return plans.findById(planId).chain(plan -> planInstalments.ofPlan(planId)
                            .chain(schedule -> planInvoices.ofPlan(planId)
                                    .chain(covered -> payments.paid(List.of(planId))
                                            .chain(paid -> decide(actor, plan, covered,
                                                    Progress.of(schedule.stream().map(PlanInstalment::scheduled)
                                                            .toList(), paid.get(planId), today, config.graceDays()),
                                                    today)))));
                });
    }

    private Uni<Optional<Transition>> decide(Actor actor, PaymentPlan plan, List<PlanInvoice> covered,
            Progress progress, LocalDate today) {
        List<UUID> invoiceIds = covered.stream().map(i -> i.invoiceId).toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return switch (progress.outcome()) {
            case ON_TRACK -> Uni.createFrom().item(Optional.empty());
            case COMPLETED -> transition(actor, plan.id, PlanStatus.COMPLETED,
                    "UPDATE payment_plan SET status = 'COMPLETED', completed_on = :on, ended_at = :at,"
                            + " version = version + 1 WHERE id = :id AND status = 'ACTIVE'",
                    null, today, now, PlanEvents.completed(plan, invoiceIds, today, now));
            case BROKEN -> transition(actor, plan.id, PlanStatus.BROKEN,
                    "UPDATE payment_plan SET status = 'BROKEN', broken_on = :on, broken_instalment = :number,"
                            + " ended_at = :at, version = version + 1 WHERE id = :id AND status = 'ACTIVE'",
                    progress.late().number(), today, now, PlanEvents.broken(plan, invoiceIds, progress, today, now));
        };
    }

    /**
     * The conditional update; the event only when it changed the row. The plan's invoices leave the active plans with
     * it, so that they may enter a new one.
     */
    private Uni<Optional<Transition>> transition(Actor actor, UUID planId, PlanStatus to, String update,
            Integer brokenInstalment, LocalDate on, Instant at, ReceivablesEvent event) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(update).setParameter("id", planId).setParameter("on", on)
                    .setParameter("at", at);
            if (brokenInstalment != null) {
                query.setParameter("number", brokenInstalment);
            }
            return query.executeUpdate().chain(changed -> {
                if (changed == 0) {
                    return Uni.createFrom().item(Optional.<Transition> empty());
                }
                return session.createNativeQuery("UPDATE payment_plan_invoice SET active = false WHERE plan_id = :id")
                        .setParameter("id", planId).executeUpdate()
                        .chain(() -> outbox.append(actor, "payment-plan", event,
                                AuditSummary.of().change("status", PlanStatus.ACTIVE, to)))
                        .map(ignored -> Optional.of(new Transition(planId, to)));
            });
        });
    }
}
