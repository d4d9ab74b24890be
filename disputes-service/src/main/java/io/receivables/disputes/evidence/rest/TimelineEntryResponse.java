package io.receivables.disputes.evidence.rest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.contracts.events.Actor;
import io.receivables.disputes.dispute.DisputeActivity;
import io.receivables.disputes.dispute.DisputeState;
import io.receivables.disputes.evidence.Audience;
import io.receivables.disputes.evidence.Author;
import io.receivables.disputes.evidence.DisputeComment;
import io.receivables.disputes.evidence.Visibility;
import io.receivables.disputes.evidence.service.TimelineEntry;

/**
 * One entry of a dispute's timeline, whatever it is: the fields that do not apply to its kind are null. For a customer's
 * token the company's side is not named (actor null), and assignments' team and owner and activity notes other than a
 * resolution's or withdrawal's are left out.
 */
@Schema(name = "DisputeTimelineEntry", description = "An activity of the dispute, a comment or an attachment; fields that do not apply to the kind are null")
public record TimelineEntryResponse(
        @Schema(description = "The activity's, comment's or attachment's id") UUID id,
        TimelineKind kind,
        @Schema(description = "When it happened, UTC; the timeline is ordered by it") Instant occurredAt,
        @Schema(nullable = true, description = "COMMENT and ATTACHMENT: which side wrote or added it") Author author,
        @Schema(nullable = true, description = "Who did it; null for a customer's token unless its own side did it") Actor actor,
        @Schema(nullable = true, description = "COMMENT and ATTACHMENT: who may see it") Visibility visibility,
        @Schema(nullable = true, maxLength = 4000, description = "COMMENT: its text; an activity: its note, if any (for a customer's token only a resolution's or withdrawal's)") String text,
        @Schema(nullable = true, description = "A change of state: the state before") DisputeState fromState,
        @Schema(nullable = true, description = "A change of state: the state after") DisputeState toState,
        @Schema(nullable = true, maxLength = 64, description = "The team, as the activity recorded it (staff only)") String team,
        @Schema(nullable = true, maxLength = 100, description = "The owner, as the activity recorded it (staff only)") String owner,
        @Schema(nullable = true, description = "ATTACHMENT: its metadata") AttachmentResponse attachment) {

    /** The activity notes a customer reads: the resolution note explains the outcome; a withdrawal is its own. */
    static final Set<DisputeActivity.Kind> NOTES_FOR_CUSTOMERS = Set.of(DisputeActivity.Kind.RESOLVED,
            DisputeActivity.Kind.WITHDRAWN);

    static TimelineEntryResponse of(TimelineEntry entry, Audience audience) {
        if (entry.comment() != null) {
            DisputeComment comment = entry.comment();
            CommentResponse view = CommentResponse.of(comment, audience);
            return new TimelineEntryResponse(comment.id, TimelineKind.COMMENT, comment.createdAt, comment.author,
                    view.actor(), comment.visibility, comment.text, null, null, null, null, null);
        }
        if (entry.attachment() != null) {
            AttachmentResponse view = AttachmentResponse.of(entry.attachment(), audience);
            return new TimelineEntryResponse(view.id(), TimelineKind.ATTACHMENT, view.createdAt(), view.author(),
                    view.actor(), view.visibility(), null, null, null, null, null, view);
        }
        DisputeActivity activity = entry.activity();
        boolean customer = audience.isCustomer();
        Actor actor = customer ? null : Actors.of(activity.actorKind, activity.actorId, activity.actorUsername);
        String note = customer && !NOTES_FOR_CUSTOMERS.contains(activity.kind) ? null : activity.note;
        return new TimelineEntryResponse(activity.id, TimelineKind.of(activity.kind), activity.occurredAt, null, actor,
                null, note, activity.fromState, activity.toState, customer ? null : activity.team,
                customer ? null : activity.owner, null);
    }
}
