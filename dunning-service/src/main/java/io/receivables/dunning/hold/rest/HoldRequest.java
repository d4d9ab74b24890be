package io.receivables.dunning.hold.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.dunning.hold.service.PlaceHold;

/** The body of POST /customers/{id}/dunning-holds; mapped to {@link PlaceHold} here. */
public record HoldRequest(
        @Schema(required = true, description = "The last day of the hold (inclusive): today or later, at most receivables.dunning.hold.max-days (90) days ahead") LocalDate until,
        @Schema(required = true, maxLength = 500, description = "Why reminders are held") String reason,
        @Schema(nullable = true, maxItems = 100, description = "The customer's invoices to hold; absent or empty: the whole account") List<UUID> invoiceIds) {

    public PlaceHold command(UUID customerId) {
        return new PlaceHold(customerId, until, reason, invoiceIds);
    }
}
