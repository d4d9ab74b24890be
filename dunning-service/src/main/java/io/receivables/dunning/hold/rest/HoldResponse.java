package io.receivables.dunning.hold.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.dunning.hold.HoldState;
import io.receivables.dunning.hold.ManualHold;
import io.receivables.dunning.hold.service.HoldView;

/** A manual hold as the API shows it. */
@Schema(name = "ManualDunningHold")
public record HoldResponse(UUID id, UUID customerId, LocalDate until, String reason,
        @Schema(description = "ACTIVE (holds until its end date) or RELEASED") HoldState state,
        @Schema(description = "Whether it holds the whole account (no invoices named)") boolean wholeAccount,
        List<UUID> invoiceIds, Instant createdAt, String createdBy, @Schema(nullable = true) Instant releasedAt,
        @Schema(nullable = true) String releasedBy, @Schema(nullable = true) String releaseReason,
        @Schema(description = "The ETag to send in If-Match") long version) {

    public static HoldResponse of(HoldView view) {
        ManualHold h = view.hold();
        return new HoldResponse(h.id, h.customerId, h.until, h.reason, h.state, view.invoiceIds().isEmpty(),
                view.invoiceIds(), h.createdAt, h.createdBy, h.releasedAt, h.releasedBy, h.releaseReason, h.version);
    }
}
