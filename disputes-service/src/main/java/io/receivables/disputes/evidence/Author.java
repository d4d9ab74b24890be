package io.receivables.disputes.evidence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which side wrote a comment or added an attachment: the company's staff (and service accounts), or a portal user of
 * the dispute's customer. Kept on the row because the customer's view names its own people but not the staff.
 */
@Schema(name = "EvidenceAuthor", description = "STAFF: the company's people and systems; CUSTOMER: a portal user of the dispute's customer")
public enum Author {
    STAFF,
    CUSTOMER
}
