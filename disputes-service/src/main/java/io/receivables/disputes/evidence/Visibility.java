package io.receivables.disputes.evidence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who may see a comment or an attachment: staff only, or the dispute's customer too. */
@Schema(name = "EvidenceVisibility", description = "INTERNAL: staff only; CUSTOMER: the dispute's customer sees it too")
public enum Visibility {
    INTERNAL,
    CUSTOMER
}
