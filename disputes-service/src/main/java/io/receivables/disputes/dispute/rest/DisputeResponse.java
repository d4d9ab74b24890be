package io.receivables.disputes.dispute.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.dispute.DisputeState;
import io.receivables.disputes.dispute.Outcome;
import io.receivables.disputes.dispute.ReasonCode;

/** A dispute as the API shows it; {@code version} is its ETag. */
public record DisputeResponse(UUID id, UUID invoiceId, String invoiceNumber, UUID customerId, String currency,
        String disputedAmount, List<Integer> disputedLines, ReasonCode reasonCode,
        @Schema(nullable = true) String description, Contact contact, DisputeState state, String team,
        @Schema(nullable = true, description = "null: unassigned, in the team's queue") String owner,
        @Schema(nullable = true) Outcome outcome, @Schema(nullable = true) String creditedAmount,
        @Schema(nullable = true) String resolutionNote, Instant openedAt, String openedBy,
        @Schema(nullable = true) Instant firstResponseAt, @Schema(nullable = true) Instant firstResponseDueAt,
        @Schema(nullable = true) Instant resolutionDueAt, @Schema(nullable = true) Instant firstResponseBreachedAt,
        @Schema(nullable = true) Instant resolutionBreachedAt, @Schema(nullable = true) Instant resolvedAt,
        int reopenedCount,
        @Schema(nullable = true, description = "the charged-back payment, for a CHARGEBACK dispute") UUID paymentId,
        @Schema(nullable = true) Instant evidenceDueAt, Instant updatedAt, long version) {

    public record Contact(@Schema(nullable = true) String name, @Schema(nullable = true) String email,
            @Schema(nullable = true) String phone) {
    }

    public static DisputeResponse of(Dispute d) {
        return new DisputeResponse(d.id, d.invoiceId, d.invoiceNumber, d.customerId, d.currency,
                Currencies.format(d.disputedAmount, d.currency), d.disputedLines, d.reasonCode, d.description,
                new Contact(d.contactName, d.contactEmail, d.contactPhone), d.state, d.team, d.owner, d.outcome,
                d.creditedAmount == null ? null : Currencies.format(d.creditedAmount, d.currency), d.resolutionNote,
                d.openedAt, d.openedBy, d.firstResponseAt, d.firstResponseDueAt, d.resolutionDueAt,
                d.firstResponseBreachedAt, d.resolutionBreachedAt, d.resolvedAt, d.reopenedCount, d.paymentId,
                d.evidenceDueAt, d.updatedAt, d.version);
    }
}
