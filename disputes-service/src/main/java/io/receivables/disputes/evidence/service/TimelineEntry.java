package io.receivables.disputes.evidence.service;

import io.receivables.disputes.dispute.DisputeActivity;
import io.receivables.disputes.evidence.DisputeAttachment;
import io.receivables.disputes.evidence.DisputeComment;
import io.receivables.disputes.evidence.Position;

/** One entry of a dispute's timeline: exactly one of activity, comment and attachment; its position orders it. */
public record TimelineEntry(Position position, DisputeActivity activity, DisputeComment comment,
        DisputeAttachment attachment) {

    static TimelineEntry of(DisputeActivity activity) {
        return new TimelineEntry(new Position(activity.occurredAt, activity.id), activity, null, null);
    }

    static TimelineEntry of(DisputeComment comment) {
        return new TimelineEntry(new Position(comment.createdAt, comment.id), null, comment, null);
    }

    static TimelineEntry of(DisputeAttachment attachment) {
        return new TimelineEntry(new Position(attachment.createdAt, attachment.id), null, null, attachment);
    }
}
