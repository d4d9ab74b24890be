package io.receivables.disputes.evidence.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.disputes.evidence.DisputeAttachment;
import io.receivables.disputes.evidence.Position;
import io.receivables.disputes.evidence.Visibility;
import io.smallrye.mutiny.Uni;

/** Attachments' metadata; their bytes are in {@link AttachmentContentRepository}. */
@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<DisputeAttachment, UUID> {

    /** As {@link CommentRepository#page}: oldest first, after {@code after}, customer-visible only if asked. */
    public Uni<List<DisputeAttachment>> page(UUID disputeId, boolean customerVisibleOnly, Position after, int limit) {
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

    /** The attachment of that dispute, or null (an id of another dispute is not found either). */
    public Uni<DisputeAttachment> of(UUID disputeId, UUID attachmentId) {
        return find("id = ?1 and disputeId = ?2", attachmentId, disputeId).firstResult();
    }
}
