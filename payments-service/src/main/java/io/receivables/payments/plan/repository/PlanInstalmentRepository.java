package io.receivables.payments.plan.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.payments.plan.PlanInstalment;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlanInstalmentRepository implements PanacheRepositoryBase<PlanInstalment, PlanInstalment.Key> {

    /** The plan's down payment and instalments in due-date order (which is number order). */
    public Uni<List<PlanInstalment>> ofPlan(UUID planId) {
        return list("planId = ?1 order by number", planId);
    }

    public Uni<List<PlanInstalment>> ofPlans(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("planId in ?1 order by planId, number", List.copyOf(planIds));
    }
}
