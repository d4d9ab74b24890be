package io.receivables.payments.plan.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.ProblemException;
import io.receivables.payments.plan.PaymentPlan;
import io.receivables.payments.plan.PlanInstalment;
import io.receivables.payments.plan.PlanInvoice;
import io.receivables.payments.plan.Progress;
import io.receivables.payments.plan.config.PlanConfig;
import io.receivables.payments.plan.repository.PaymentPlanRepository;
import io.receivables.payments.plan.repository.PlanInstalmentRepository;
import io.receivables.payments.plan.repository.PlanInvoiceRepository;
import io.smallrye.mutiny.Uni;

/** Reads plans with their invoices, instalments and how far they are paid as of today. */
@ApplicationScoped
public class PlanQueries {

    private final PaymentPlanRepository plans;
    private final PlanInvoiceRepository planInvoices;
    private final PlanInstalmentRepository planInstalments;
    private final PlanPayments payments;
    private final PlanConfig config;
    private final Clock clock;

    @Inject
    public PlanQueries(PaymentPlanRepository plans, PlanInvoiceRepository planInvoices,
            PlanInstalmentRepository planInstalments, PlanPayments payments, PlanConfig config, Clock clock) {
        this.plans = plans;
        this.planInvoices = planInvoices;
        this.planInstalments = planInstalments;
        this.payments = payments;
        this.config = config;
        this.clock = clock;
    }

    /** The plan, or 404. */
    @WithSession
    public Uni<PlanView> get(UUID id) {
        return plans.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No payment plan " + id))
                .chain(plan -> views(List.of(plan))).map(List::getFirst);
    }

    @WithSession
    public Uni<Page<PlanView>> list(PaymentPlanRepository.Filter filter, String cursor, int limit) {
        return plans.page(filter, cursor, limit)
                .chain(page -> views(page.items()).map(views -> new Page<>(views, page.nextCursor())));
    }

    /** The plans with their parts, in the session of the caller (the read, or a change that answers the plan). */
    Uni<List<PlanView>> views(List<PaymentPlan> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = found.stream().map(p -> p.id).toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return planInvoices.ofPlans(ids).chain(invoices -> planInstalments.ofPlans(ids)
                .chain(instalments -> payments.paid(ids).map(paid -> {
                    Map<UUID, List<PlanInvoice>> invoicesOf = invoices.stream()
                            .collect(Collectors.groupingBy(i -> i.planId));
                    Map<UUID, List<PlanInstalment>> instalmentsOf = instalments.stream()
                            .collect(Collectors.groupingBy(i -> i.planId));
                    return found.stream().map(plan -> {
                        List<PlanInstalment> schedule = instalmentsOf.getOrDefault(plan.id, List.of());
                        BigDecimal paidTowards = paid.getOrDefault(plan.id, BigDecimal.ZERO);
                        return new PlanView(plan, invoicesOf.getOrDefault(plan.id, List.of()), schedule,
                                Progress.of(schedule.stream().map(PlanInstalment::scheduled).toList(), paidTowards,
                                        today, config.graceDays()));
                    }).toList();
                })));
    }
}
