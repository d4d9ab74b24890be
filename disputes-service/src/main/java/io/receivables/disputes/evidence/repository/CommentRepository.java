package io.receivables.disputes.evidence.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.disputes.evidence.DisputeComment;
import io.receivables.disputes.evidence.Position;
import io.receivables.disputes.evidence.Visibility;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CommentRepository implements PanacheRepositoryBase<DisputeComment, UUID> {

    /**
     * Up to {@code limit} comments of a dispute after {@code after} (from the first when null), oldest first; only
     * customer-visible ones when {@code customerVisibleOnly}.
     */
    public Uni<List<DisputeComment>> page(UUID disputeId, boolean customerVisibleOnly, Position after, int limit) {
        StringBuilder query = new StringBuilder("disputeId = :dispute");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("dispute", disputeId);
        if (customerVisibleOnly) {
            query.append(" and visibility = :visibility");
            parameters.put("visibility", Visibility.CUSTOMER);
        }
        if (after != null) {
            query.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            parameters.put("at", after.at());
            parameters.put("id", after.id());
        }
        query.append(" order by createdAt, id");
        return find(query.toString(), parameters).range(0, limit - 1).list();
    }
}
