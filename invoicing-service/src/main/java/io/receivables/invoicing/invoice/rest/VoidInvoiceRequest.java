package io.receivables.invoicing.invoice.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.contracts.events.InvoiceVoided;
import io.receivables.invoicing.invoice.service.VoidCommand;

/** Why and from when an invoice is voided; {@code note} is optional free text for the audit trail. */
public record VoidInvoiceRequest(
        @Schema(required = true, description = "Why the invoice is cancelled") @NotNull InvoiceVoided.ReasonCode reasonCode,
        @Schema(description = "Free text, e.g. which invoice replaces this one") @Size(max = 1000) String note,
        @Schema(description = "The business date from which the invoice is void (statements count it open before);"
                + " today (UTC) when absent; not before the issue date nor the last payment or credit applied to it,"
                + " not in the future") LocalDate effectiveDate) {

    public VoidCommand command() {
        return new VoidCommand(reasonCode, effectiveDate, note, "effectiveDate");
    }
}
