package io.receivables.disputes.dispute.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.disputes.dispute.Dispute;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DisputeRepository implements PanacheRepositoryBase<Dispute, UUID> {

    /** The dispute with its row locked until the caller's transaction ends; null when there is none. */
    public Uni<Dispute> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
