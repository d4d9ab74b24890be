package io.receivables.disputes.receivable.repository;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.disputes.receivable.ReceivableInvoice;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReceivableInvoiceRepository implements PanacheRepositoryBase<ReceivableInvoice, UUID> {

    /**
     * The invoice with its row locked until the caller commits; null when unknown. Openings and reopenings of disputes
     * on one invoice queue on this lock, so that they never together dispute more than is open on it.
     */
    public Uni<ReceivableInvoice> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The invoices by id, row-locked in id order: every writer that locks several (a payment's allocations) takes them
     * in this order, so that two never wait on each other in opposite orders.
     */
    public Uni<List<ReceivableInvoice>> lock(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("from ReceivableInvoice where id in ?1 order by id", List.copyOf(Set.copyOf(ids)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
