package io.receivables.dunning.hold.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.hold.HoldInvoice;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HoldInvoiceRepository implements PanacheRepositoryBase<HoldInvoice, HoldInvoice.Key> {

    public Uni<List<HoldInvoice>> ofHolds(Collection<UUID> holdIds) {
        if (holdIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("holdId in ?1 order by holdId, invoiceId", List.copyOf(holdIds));
    }
}
