package io.receivables.dunning.receivable.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.receivable.Settlement;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SettlementRepository implements PanacheRepositoryBase<Settlement, UUID> {

    /** What the payment settles, invoice by invoice. */
    public Uni<List<Settlement>> ofPayment(UUID paymentId) {
        return list("paymentId", paymentId);
    }
}
