package io.receivables.payments.payment.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.payments.payment.service.PaymentChanges;

/** The body of POST /payments/{id}/reverse. */
public record ReverseRequest(
        @Schema(required = true, description = "BOUNCED (returned by the bank), CHARGEBACK or ENTERED_IN_ERROR") @NotNull PaymentChanges.ReversalReason reason,
        @Schema(description = "The accounting date of the reversal; default today (UTC), not before the value date, not in the future") LocalDate date,
        @Size(max = 1000) String note) {
}
