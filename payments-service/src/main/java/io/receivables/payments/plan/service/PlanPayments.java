package io.receivables.payments.plan.service;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What was paid towards plans: what this service's allocations settled on their invoices (amounts and discounts) beyond
 * what they had settled when the plan was made. Derived, never stored, so that an allocation taken back or a payment
 * reversed takes its share back by itself. Read in the caller's session as a scalar query, so it sees the database's
 * rows (and, after a flush, the transaction's own changes), never an entity cached earlier.
 */
@ApplicationScoped
public class PlanPayments {

    public Uni<Map<UUID, BigDecimal>> paid(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createQuery("select p.planId,"
                + " sum(i.amountAllocated + i.amountDiscounted - p.settledAtStart) from PlanInvoice p"
                + " join ReceivableInvoice i on i.id = p.invoiceId where p.planId in ?1 group by p.planId",
                Object[].class).setParameter(1, List.copyOf(planIds)).getResultList())
                .map(rows -> {
                    Map<UUID, BigDecimal> paid = new HashMap<>();
                    for (Object[] row : rows) {
                        paid.put((UUID) row[0], (BigDecimal) row[1]);
                    }
                    planIds.forEach(id -> paid.putIfAbsent(id, BigDecimal.ZERO));
                    return paid;
                });
    }
}
