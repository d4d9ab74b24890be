package io.receivables.dunning.promise.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.promise.PromiseInvoice;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PromiseInvoiceRepository implements PanacheRepositoryBase<PromiseInvoice, PromiseInvoice.Key> {

    /** The invoices of the promises, by promise then number. */
    public Uni<List<PromiseInvoice>> ofPromises(Collection<UUID> promiseIds) {
        if (promiseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("promiseId in ?1 order by promiseId, invoiceNumber", List.copyOf(promiseIds));
    }

    /** Which of the invoices an OPEN promise already covers. */
    public Uni<List<UUID>> underOpenPromise(Collection<UUID> invoiceIds) {
        return find("select distinct pi.invoiceId from PromiseInvoice pi, PromiseToPay p"
                + " where p.id = pi.promiseId and p.state = io.receivables.dunning.promise.PromiseState.OPEN"
                + " and pi.invoiceId in ?1", List.copyOf(invoiceIds)).project(UUID.class).list();
    }
}
