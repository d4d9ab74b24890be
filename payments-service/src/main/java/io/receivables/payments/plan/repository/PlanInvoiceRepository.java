package io.receivables.payments.plan.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.payments.plan.PlanInvoice;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlanInvoiceRepository implements PanacheRepositoryBase<PlanInvoice, PlanInvoice.Key> {

    public Uni<List<PlanInvoice>> ofPlan(UUID planId) {
        return list("planId = ?1 order by invoiceNumber, invoiceId", planId);
    }

    public Uni<List<PlanInvoice>> ofPlans(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("planId in ?1 order by invoiceNumber, invoiceId", List.copyOf(planIds));
    }

    /** The active plans' memberships of these invoices. */
    public Uni<List<PlanInvoice>> activeOf(Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("active = true and invoiceId in ?1", List.copyOf(invoiceIds));
    }
}
