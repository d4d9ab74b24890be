package io.receivables.disputes.evidence.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.paging.Cursors;
import io.receivables.common.paging.Page;
import io.receivables.disputes.dispute.DisputeActivity;
import io.receivables.disputes.dispute.repository.DisputeActivityRepository;
import io.receivables.disputes.evidence.Audience;
import io.receivables.disputes.evidence.Position;
import io.receivables.disputes.evidence.repository.AttachmentRepository;
import io.receivables.disputes.evidence.repository.CommentRepository;
import io.smallrye.mutiny.Uni;

/**
 * A dispute's timeline: its activity (written by the workflow: opening, state changes, assignments, resolution,
 * reopening, SLA breaches), its comments and its attachments, in time order, a page at a time. Each source is read from
 * the cursor's position on, at most a page and one of each, and the three are merged: so a page is exact without a
 * query across the three tables. A customer sees the steps of its dispute (not assignments, not SLA breaches) and what
 * is visible to it.
 */
@ApplicationScoped
public class Timeline {

    /** The activity a customer sees; assignments (team, owner) and SLA breaches are the company's business. */
    public static final Set<DisputeActivity.Kind> CUSTOMER_ACTIVITY = EnumSet.of(DisputeActivity.Kind.OPENED,
            DisputeActivity.Kind.STATE_CHANGED, DisputeActivity.Kind.RESOLVED, DisputeActivity.Kind.WITHDRAWN,
            DisputeActivity.Kind.REOPENED);

    private final DisputeAccess access;
    private final DisputeActivityRepository activities;
    private final CommentRepository comments;
    private final AttachmentRepository attachments;

    @Inject
    public Timeline(DisputeAccess access, DisputeActivityRepository activities, CommentRepository comments,
            AttachmentRepository attachments) {
        this.access = access;
        this.activities = activities;
        this.comments = comments;
        this.attachments = attachments;
    }

    @WithSession
    public Uni<Page<TimelineEntry>> page(Audience audience, UUID disputeId, Position after, int limit) {
        boolean customer = audience.isCustomer();
        List<TimelineEntry> merged = new ArrayList<>();
        // one after the other: a reactive session runs one query at a time
        return access.read(disputeId, audience)
                .chain(() -> activity(disputeId, customer, after, limit + 1))
                .invoke(rows -> rows.forEach(row -> merged.add(TimelineEntry.of(row))))
                .chain(() -> comments.page(disputeId, customer, after, limit + 1))
                .invoke(rows -> rows.forEach(row -> merged.add(TimelineEntry.of(row))))
                .chain(() -> attachments.page(disputeId, customer, after, limit + 1))
                .invoke(rows -> rows.forEach(row -> merged.add(TimelineEntry.of(row))))
                .map(rows -> {
                    merged.sort(Comparator.comparing(TimelineEntry::position));
                    List<TimelineEntry> fetched = merged.subList(0, Math.min(merged.size(), limit + 1));
                    return Cursors.page(fetched, limit, last -> last.position().encode());
                });
    }

    private Uni<List<DisputeActivity>> activity(UUID disputeId, boolean customer, Position after, int limit) {
        StringBuilder query = new StringBuilder("disputeId = :dispute");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("dispute", disputeId);
        if (customer) {
            query.append(" and kind in :kinds");
            parameters.put("kinds", CUSTOMER_ACTIVITY);
        }
        if (after != null) {
            query.append(" and (occurredAt > :at or (occurredAt = :at and id > :id))");
            parameters.put("at", after.at());
            parameters.put("id", after.id());
        }
        query.append(" order by occurredAt, id");
        return activities.find(query.toString(), parameters).range(0, limit - 1).list();
    }
}
