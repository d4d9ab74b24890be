package io.receivables.disputes.evidence.rest;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.disputes.evidence.EvidenceLimits;
import io.receivables.disputes.evidence.EvidenceText;
import io.receivables.disputes.evidence.Visibility;
import io.receivables.disputes.evidence.service.AddComment;

/** The body of POST /disputes/{id}/comments; checked and turned into the service's {@link AddComment} at the edge. */
@Schema(name = "DisputeCommentRequest")
public record CommentRequest(
        @Schema(required = true, maxLength = EvidenceLimits.COMMENT_MAX_LENGTH, description = "The comment, 1 to 4,000 characters after trimming; line breaks and tabs are kept, other control characters are refused") String text,
        @Schema(required = true, description = "INTERNAL (staff only) or CUSTOMER (the dispute's customer sees it too; the only one a customer's token may write)") Visibility visibility) {

    /** @throws ProblemException 400 naming each rejected field */
    AddComment command() {
        List<FieldError> errors = new ArrayList<>();
        String checked = EvidenceText.check("text", text, EvidenceLimits.COMMENT_MAX_LENGTH, true, errors);
        if (visibility == null) {
            errors.add(new FieldError("visibility", "is required: INTERNAL or CUSTOMER"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new AddComment(checked, visibility);
    }
}
