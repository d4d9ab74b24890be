package io.receivables.disputes.evidence.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.contracts.events.Actor;
import io.receivables.disputes.evidence.Audience;
import io.receivables.disputes.evidence.Author;
import io.receivables.disputes.evidence.DisputeComment;
import io.receivables.disputes.evidence.Visibility;

@Schema(name = "DisputeComment", description = "A comment on a dispute")
public record CommentResponse(UUID id, UUID disputeId,
        @Schema(description = "When it was written, UTC") Instant createdAt,
        Visibility visibility,
        Author author,
        @Schema(nullable = true, description = "Who wrote it; null for a customer's token reading a staff comment (the company's people are not named to the customer)") Actor actor,
        @Schema(maxLength = 4000) String text) {

    static CommentResponse of(DisputeComment comment, Audience audience) {
        return new CommentResponse(comment.id, comment.disputeId, comment.createdAt, comment.visibility,
                comment.author, actorFor(audience, comment.author, comment.actorKind, comment.actorId,
                        comment.actorUsername),
                comment.text);
    }

    /** Staff see everyone; a customer sees its own side's people only. */
    static Actor actorFor(Audience audience, Author author, String kind, String id, String username) {
        return audience.isCustomer() && author != Author.CUSTOMER ? null : Actors.of(kind, id, username);
    }
}
