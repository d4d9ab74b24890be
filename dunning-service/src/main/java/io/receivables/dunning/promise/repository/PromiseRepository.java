package io.receivables.dunning.promise.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.NewestFirst;
import io.receivables.common.paging.Page;
import io.receivables.dunning.promise.PromiseToPay;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PromiseRepository implements PanacheRepositoryBase<PromiseToPay, UUID> {

    private static final NewestFirst ORDER = new NewestFirst("p", "createdAt");

    /** The promise with its row locked until the caller commits; null when unknown. */
    public Uni<PromiseToPay> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A customer's promises, newest first. */
    public Uni<Page<PromiseToPay>> page(UUID customerId, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from PromiseToPay p where p.customerId = :customer");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("customer", customerId);
        ORDER.continueAfter(cursor, query, parameters);
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> ORDER.page(rows, limit, p -> p.createdAt, p -> p.id));
    }
}
