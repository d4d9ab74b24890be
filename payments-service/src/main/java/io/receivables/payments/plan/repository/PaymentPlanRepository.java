package io.receivables.payments.plan.repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.NewestFirst;
import io.receivables.common.paging.Page;
import io.receivables.payments.plan.PaymentPlan;
import io.receivables.payments.plan.PlanStatus;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PaymentPlanRepository implements PanacheRepositoryBase<PaymentPlan, UUID> {

    private static final NewestFirst ORDER = new NewestFirst("p", "createdAt");

    /** What a listing may be narrowed to; every field is optional (null). */
    public record Filter(UUID customerId, PlanStatus status) {
    }

    /** Newest first, then by id (the keyset). */
    public Uni<Page<PaymentPlan>> page(Filter filter, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from PaymentPlan p where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.customerId() != null) {
            query.append(" and p.customerId = :customer");
            parameters.put("customer", filter.customerId());
        }
        if (filter.status() != null) {
            query.append(" and p.status = :status");
            parameters.put("status", filter.status());
        }
        ORDER.continueAfter(cursor, query, parameters);
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> ORDER.page(rows, limit, p -> p.createdAt, p -> p.id));
    }

    /**
     * The active plans that may be broken on {@code today}: those with an instalment due more than {@code graceDays}
     * days before it (paid or not: whether it is paid is the evaluation's business), in id order.
     */
    public Uni<List<UUID>> activeWithInstalmentDueBefore(LocalDate cutoff) {
        return find("select p.id from PaymentPlan p where p.status = ?1 and exists (select 1 from PlanInstalment i"
                + " where i.planId = p.id and i.dueDate < ?2) order by p.id", PlanStatus.ACTIVE, cutoff)
                .project(UUID.class).list();
    }

}
