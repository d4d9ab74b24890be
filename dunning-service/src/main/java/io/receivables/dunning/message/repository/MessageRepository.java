package io.receivables.dunning.message.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.NewestFirst;
import io.receivables.common.paging.Page;
import io.receivables.dunning.message.Message;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, UUID> {

    // dchan: the communication log
    private static final NewestFirst NEWEST_FIRST = new NewestFirst("m", "createdAt");

    /** dchan: a customer's messages, newest first (the communication log). */
    public Uni<Page<Message>> pageOfCustomer(UUID customerId, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from Message m where m.customerId = :customer");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("customer", customerId);
        NEWEST_FIRST.continueAfter(cursor, query, parameters);
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> NEWEST_FIRST.page(rows, limit, m -> m.createdAt, m -> m.id));
    }
}
