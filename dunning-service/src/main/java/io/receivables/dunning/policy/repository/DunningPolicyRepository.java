package io.receivables.dunning.policy.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.NewestFirst;
import io.receivables.common.paging.Page;
import io.receivables.dunning.policy.DunningPolicy;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DunningPolicyRepository implements PanacheRepositoryBase<DunningPolicy, UUID> {

    private static final NewestFirst ORDER = new NewestFirst("p", "createdAt");

    /** Newest first, then by id (the keyset); deleted ones only when asked for. */
    public Uni<Page<DunningPolicy>> page(boolean includeDeleted, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from DunningPolicy p where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!includeDeleted) {
            query.append(" and p.active = true");
        }
        ORDER.continueAfter(cursor, query, parameters);
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> ORDER.page(rows, limit, p -> p.createdAt, p -> p.id));
    }
}
