package io.receivables.disputes.sla.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.disputes.dispute.Dispute;

/** A dispute's SLA as its responses show it (the {@code sla} part of a dispute). */
@Schema(name = "DisputeSla", description = "The dispute's due times in business days and their breaches (docs/disputes.md#slas-and-business-days)")
public record DisputeSlaView(
        @Schema(nullable = true, description = "When the first answer to the customer is due") Instant firstResponseDueAt,
        @Schema(nullable = true, description = "When the customer was first answered") Instant firstResponseAt,
        @Schema(nullable = true, description = "When the check found the first response overdue") Instant firstResponseBreachedAt,
        @Schema(nullable = true, description = "When the resolution is due") Instant resolutionDueAt,
        @Schema(nullable = true, description = "When the check found the resolution overdue") Instant resolutionBreachedAt,
        @Schema(description = "Whether a breach of either kind was found") boolean breached) {

    public static DisputeSlaView of(Dispute dispute) {
        return new DisputeSlaView(dispute.firstResponseDueAt, dispute.firstResponseAt,
                dispute.firstResponseBreachedAt, dispute.resolutionDueAt, dispute.resolutionBreachedAt,
                dispute.firstResponseBreachedAt != null || dispute.resolutionBreachedAt != null);
    }
}
