package io.receivables.disputes.dispute.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.disputes.dispute.DisputeActivity;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DisputeActivityRepository implements PanacheRepositoryBase<DisputeActivity, UUID> {

    /** A dispute's activity, oldest first. */
    public Uni<List<DisputeActivity>> of(UUID disputeId) {
        return list("disputeId = ?1 order by occurredAt, id", disputeId);
    }
}
