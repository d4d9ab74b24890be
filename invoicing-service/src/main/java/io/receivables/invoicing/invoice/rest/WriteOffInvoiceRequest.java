package io.receivables.invoicing.invoice.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.InvoiceWrittenOff;
import io.receivables.invoicing.invoice.service.WriteOffCommand;

/**
 * Why and as of when an invoice's remaining amount due is written off; {@code note} is optional. {@code writeOffDate} is
 * the field's earlier name, still accepted so that existing clients keep working.
 */
public record WriteOffInvoiceRequest(
        @Schema(required = true, description = "Why the amount is not collectible") @NotNull InvoiceWrittenOff.ReasonCode reasonCode,
        @Schema(deprecated = true, description = "The earlier name of effectiveDate; if both are sent they must be equal") LocalDate writeOffDate,
        @Schema(description = "Free text for the audit trail") @Size(max = 1000) String note,
        @Schema(description = "The business (accounting) date of the write-off, from which the amount is no longer open"
                + " (statements count it open before); today (UTC) when absent; not before the issue date nor the last"
                + " payment or credit applied to the invoice, not in the future") LocalDate effectiveDate) {

    /**
     * The write-off the service takes.
     *
     * @throws ProblemException 400 naming {@code effectiveDate} when both names of the date are sent and disagree
     */
    public WriteOffCommand command() {
        if (effectiveDate != null && writeOffDate != null && !effectiveDate.equals(writeOffDate)) {
            throw ProblemException.invalid("effectiveDate", "differs from writeOffDate, its earlier name; send one of"
                    + " them");
        }
        return new WriteOffCommand(reasonCode, effectiveDate != null ? effectiveDate : writeOffDate, note,
                effectiveDate != null || writeOffDate == null ? "effectiveDate" : "writeOffDate");
    }
}
