package io.receivables.payments.plan.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.Cursors;
import io.receivables.common.paging.Page;
import io.receivables.payments.plan.PaymentPlan;
import io.receivables.payments.plan.PlanStatus;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PaymentPlanRepository implements PanacheRepositoryBase<PaymentPlan, UUID> {

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
        if (cursor != null) {
            List<String> after = Cursors.decode(cursor, 2);
            query.append(" and (p.createdAt < :at or (p.createdAt = :at and p.id < :id))");
            parameters.put("at", instant(after.get(0)));
            parameters.put("id", id(after.get(1)));
        }
        query.append(" order by p.createdAt desc, p.id desc");
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> Cursors.page(rows, limit, p -> Cursors.encode(p.createdAt.toString(), p.id.toString())));
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

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Cursors.notOurs();
        }
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Cursors.notOurs();
        }
    }
}
