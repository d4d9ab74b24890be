package io.receivables.payments.receivable.repository;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.payments.receivable.InvoiceState;
import io.receivables.payments.receivable.ReceivableInvoice;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReceivableInvoiceRepository implements PanacheRepositoryBase<ReceivableInvoice, UUID> {

    /**
     * The invoices by id, row-locked until the caller commits, in id order: every writer of invoices locks them in
     * this order (payments, allocations, reversals and the invoicing events), so that two of them never wait on each
     * other in opposite orders, and concurrent payments never allocate the same open amount twice.
     */
    public Uni<List<ReceivableInvoice>> lock(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("from ReceivableInvoice where id in ?1 order by id", List.copyOf(Set.copyOf(ids)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The customer's open invoices in {@code currency}, locked as {@link #lock} does. */
    public Uni<List<ReceivableInvoice>> lockOpen(UUID customerId, String currency) {
        return find("from ReceivableInvoice where customerId = ?1 and currency = ?2 and state = ?3 and openAmount > 0"
                + " order by id", customerId, currency, InvoiceState.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Invoices a remittance names, by creditor reference or by number (whole or without its prefix); not locked. */
    public Uni<List<ReceivableInvoice>> named(Set<String> creditorReferences, Set<String> keys) {
        if (creditorReferences.isEmpty() && keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> references = creditorReferences.isEmpty() ? List.of("-") : List.copyOf(creditorReferences);
        List<String> numbers = keys.isEmpty() ? List.of("-") : List.copyOf(keys);
        return list("creditorReference in ?1 or numberKey in ?2 or numberCore in ?2", references, numbers);
    }

    /**
     * For cash application: the customer's open invoices in {@code currency} and the invoices named explicitly
     * ({@code named}, whatever their customer or state, so that the caller can say what is wrong with them), locked in
     * one statement in id order.
     */
    public Uni<List<ReceivableInvoice>> lockForPayment(UUID customerId, String currency, Collection<UUID> named) {
        List<UUID> ids = named.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(Set.copyOf(named));
        return find("from ReceivableInvoice where (customerId = ?1 and currency = ?2 and state = ?3 and openAmount > 0)"
                + " or id in ?4 order by id", customerId, currency, InvoiceState.OPEN, ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
