package io.receivables.dunning.task.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.NewestFirst;
import io.receivables.common.paging.Page;
import io.receivables.dunning.task.Task;
import io.receivables.dunning.task.TaskStatus;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    private static final NewestFirst ORDER = new NewestFirst("t", "createdAt");

    /** The queue, newest first, filtered by whichever of status, assignee and customer are given. */
    public Uni<Page<Task>> page(TaskStatus status, String assignee, UUID customerId, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from Task t where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            query.append(" and t.status = :status");
            parameters.put("status", status);
        }
        if (assignee != null) {
            query.append(" and t.assignee = :assignee");
            parameters.put("assignee", assignee);
        }
        if (customerId != null) {
            query.append(" and t.customerId = :customer");
            parameters.put("customer", customerId);
        }
        ORDER.continueAfter(cursor, query, parameters);
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> ORDER.page(rows, limit, t -> t.createdAt, t -> t.id));
    }

    public Uni<List<Task>> forMessages(List<UUID> messageIds) {
        return messageIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("messageId in ?1", messageIds);
    }
}
