package io.receivables.disputes.evidence.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.contracts.events.Actor;
import io.receivables.disputes.evidence.Audience;
import io.receivables.disputes.evidence.Author;
import io.receivables.disputes.evidence.DisputeAttachment;
import io.receivables.disputes.evidence.Visibility;

@Schema(name = "DisputeAttachment", description = "An attachment's metadata; its bytes are downloaded from GET /disputes/{id}/attachments/{attachmentId}")
public record AttachmentResponse(UUID id, UUID disputeId,
        @Schema(description = "When it was added, UTC") Instant createdAt,
        Visibility visibility,
        Author author,
        @Schema(nullable = true, description = "Who added it; null for a customer's token reading a staff attachment") Actor actor,
        @Schema(maxLength = 255, description = "The name as uploaded, without any path, ending in the extension of its type (.pdf, .png, .jpg or .jpeg; added when missing)") String fileName,
        @Schema(enumeration = {
                "application/pdf", "image/png",
                "image/jpeg" }, description = "Read from the content's first bytes") String contentType,
        @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "10485760") long sizeBytes,
        @Schema(pattern = "^[0-9a-f]{64}$", description = "SHA-256 of the content, hex") String sha256){

    static AttachmentResponse of(DisputeAttachment attachment, Audience audience) {
        return new AttachmentResponse(attachment.id, attachment.disputeId, attachment.createdAt, attachment.visibility,
                attachment.author, CommentResponse.actorFor(audience, attachment.author, attachment.actorKind,
                        attachment.actorId, attachment.actorUsername),
                attachment.fileName, attachment.contentType, attachment.sizeBytes, attachment.sha256);
    }
}
