package io.receivables.invoicing.invoice.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.contracts.events.InvoiceWrittenOff;

/** Why and as of when an invoice's remaining amount due is written off; {@code note} is optional. */
public record WriteOffInvoiceRequest(
        @Schema(required = true, description = "Why the amount is not collectible") @NotNull InvoiceWrittenOff.ReasonCode reasonCode,
        @Schema(description = "The accounting date of the write-off; today when absent; not before the issue date") LocalDate writeOffDate,
        @Schema(description = "Free text for the audit trail") @Size(max = 1000) String note) {
}
