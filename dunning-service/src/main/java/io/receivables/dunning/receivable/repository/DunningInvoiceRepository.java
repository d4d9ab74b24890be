package io.receivables.dunning.receivable.repository;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.receivable.DunningInvoice;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DunningInvoiceRepository implements PanacheRepositoryBase<DunningInvoice, UUID> {

    /** The invoice with its row locked until the caller commits; null when unknown. */
    public Uni<DunningInvoice> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The invoices by id, row-locked in id order: every writer that locks several (a payment's allocations) takes them
     * in this order, so that two never wait on each other in opposite orders.
     */
    public Uni<List<DunningInvoice>> lock(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("from DunningInvoice where id in ?1 order by id", List.copyOf(Set.copyOf(ids)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
