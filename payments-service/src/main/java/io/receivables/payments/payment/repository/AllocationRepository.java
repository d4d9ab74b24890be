package io.receivables.payments.payment.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.payments.payment.Allocation;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AllocationRepository implements PanacheRepositoryBase<Allocation, UUID> {

    /** A payment's allocations, removed ones included, in the order they were made. */
    public Uni<List<Allocation>> ofPayment(UUID paymentId) {
        return list("paymentId = ?1 order by allocatedAt, id", paymentId);
    }

    /** The allocations of several payments, each payment's in the order they were made. */
    public Uni<List<Allocation>> ofPayments(List<UUID> paymentIds) {
        if (paymentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("paymentId in ?1 order by allocatedAt, id", paymentIds);
    }
}
