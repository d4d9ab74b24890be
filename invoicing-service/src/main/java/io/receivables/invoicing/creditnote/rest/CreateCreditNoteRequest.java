package io.receivables.invoicing.creditnote.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;

/** A credit note against an invoice: either {@code lines} to credit, or {@code full: true} for all not yet credited. */
public record CreateCreditNoteRequest(
        @Schema(description = "What to credit, priced and rounded like invoice lines; leave out with full: true") @Size(max = 500) List<@NotNull @Valid InvoiceLineRequest> lines,
        @Schema(description = "true: credit everything on the invoice not yet credited; leave out lines") Boolean full,
        @Schema(required = true, description = "Why the invoice is credited") @NotNull CreditNoteIssued.ReasonCode reasonCode,
        @Schema(description = "Free text for the customer and the audit trail") @Size(max = 1000) String note,
        @Schema(description = "Default today (UTC); not before the invoice's issue date") LocalDate issueDate) {

    public boolean isFull() {
        return Boolean.TRUE.equals(full);
    }
}
