package io.receivables.invoicing.invoice.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.contracts.events.InvoiceVoided;

/** Why an invoice is voided; {@code note} is optional free text for the audit trail. */
public record VoidInvoiceRequest(
        @Schema(required = true, description = "Why the invoice is cancelled") @NotNull InvoiceVoided.ReasonCode reasonCode,
        @Schema(description = "Free text, e.g. which invoice replaces this one") @Size(max = 1000) String note) {
}
