package io.receivables.dunning.hold.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.NewestFirst;
import io.receivables.common.paging.Page;
import io.receivables.dunning.hold.ManualHold;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ManualHoldRepository implements PanacheRepositoryBase<ManualHold, UUID> {

    private static final NewestFirst ORDER = new NewestFirst("h", "createdAt");

    public Uni<ManualHold> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A customer's holds, newest first. */
    public Uni<Page<ManualHold>> page(UUID customerId, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from ManualHold h where h.customerId = :customer");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("customer", customerId);
        ORDER.continueAfter(cursor, query, parameters);
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> ORDER.page(rows, limit, h -> h.createdAt, h -> h.id));
    }
}
