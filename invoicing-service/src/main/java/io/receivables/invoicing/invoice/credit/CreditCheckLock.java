package io.receivables.invoicing.invoice.credit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Serialises the credit checks of one customer until commit, so that concurrent invoices cannot together slip under
 * its limit: a PostgreSQL advisory lock of the transaction, keyed by the customer id. Taken only for a customer with
 * a limit, while the customer row itself is share-locked (which keeps the limit from changing meanwhile): invoices of
 * customers without a limit then run side by side. A key shared by two customers (64 of the id's 128 bits) only makes
 * them wait for each other.
 */
@ApplicationScoped
public class CreditCheckLock {

    private static final String LOCK = "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:key)) AS locked";

    /** Must run in the caller's transaction; customers are locked in id order, as their rows are. */
    public Uni<Void> lock(UUID customerId) {
        long key = customerId.getMostSignificantBits() ^ customerId.getLeastSignificantBits();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK, Long.class).setParameter("key", key).getSingleResult())
                .replaceWithVoid();
    }
}
