package io.receivables.dunning.receivable.repository;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.receivable.DisputeHold;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DisputeHoldRepository implements PanacheRepositoryBase<DisputeHold, UUID> {

    /** The sum of the invoice's open disputes (flushes the caller's changes first, as a query does). */
    public Uni<BigDecimal> openAmountOn(UUID invoiceId) {
        return find("select coalesce(sum(d.disputedAmount), 0) from DisputeHold d where d.invoiceId = ?1 and d.open = true",
                invoiceId).project(BigDecimal.class).singleResult();
    }
}
