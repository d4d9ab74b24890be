package io.receivables.invoicing.invoice.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.receivables.contracts.events.InvoiceVoided;
import io.receivables.contracts.events.InvoiceWrittenOff;
import io.receivables.invoicing.customer.rest.PaymentTermsRequest;
import io.receivables.invoicing.invoice.rest.CreateInvoiceRequest;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;
import io.receivables.invoicing.invoice.service.VoidCommand;
import io.receivables.invoicing.invoice.service.WriteOffCommand;

/**
 * An invoice issued earlier in another system: the body of POST /invoices plus the number it was issued under, which it
 * keeps. Its dates are kept as they were. Every field of POST /invoices is accepted, as there.
 */
public record HistoricalInvoice(
        @NotBlank @Size(max = 32) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._/-]*$", message = "must start with a letter or digit and hold only letters, digits and . _ / -") String externalNumber,
        @NotNull UUID customerId,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull LocalDate issueDate,
        @Valid PaymentTermsRequest paymentTerms,
        LocalDate dueDate,
        @Size(max = 64) String poNumber,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid InvoiceLineRequest> lines,
        @Valid CreateInvoiceRequest.BillingPeriod billingPeriod,
        @Size(max = 2000) String notes,
        @Size(max = 1000) String paymentInstructions,
        @AssertFalse(message = "a historical invoice was issued already; create drafts with POST /invoices") Boolean draft,
        @Valid Voided voided,
        @Valid WrittenOff writtenOff) {

    /** An invoice as a CSV row gives it: the columns of POST /invoices that a CSV has, and how it ended, if it did. */
    public HistoricalInvoice(String externalNumber, UUID customerId, String currency, LocalDate issueDate,
            PaymentTermsRequest paymentTerms, LocalDate dueDate, String poNumber, List<InvoiceLineRequest> lines,
            Voided voided, WrittenOff writtenOff) {
        this(externalNumber, customerId, currency, issueDate, paymentTerms, dueDate, poNumber, lines, null, null, null,
                null, voided, writtenOff);
    }

    /**
     * The invoice was voided in the other system on {@code effectiveDate} (required: history has its date), so the
     * import records it voided from then on instead of needing a second pass.
     */
    public record Voided(@NotNull InvoiceVoided.ReasonCode reasonCode, @NotNull LocalDate effectiveDate,
            @Size(max = 1000) String note) {

        public VoidCommand command() {
            return new VoidCommand(reasonCode, effectiveDate, note, "voided.effectiveDate");
        }
    }

    /** The invoice's open amount was written off in the other system on {@code effectiveDate}, as for {@link Voided}. */
    public record WrittenOff(@NotNull InvoiceWrittenOff.ReasonCode reasonCode, @NotNull LocalDate effectiveDate,
            @Size(max = 1000) String note) {

        public WriteOffCommand command() {
            return new WriteOffCommand(reasonCode, effectiveDate, note, "writtenOff.effectiveDate");
        }
    }

    /** This service's own numbers: an imported number of that form would collide with one it issues later. */
    private static final java.util.regex.Pattern OWN_SERIES = java.util.regex.Pattern.compile("^INV-\\d{4}-\\d+$");

    /** True when the number has the form this service issues (INV-year-sequence), which would collide later. */
    public boolean hasOwnSeriesNumber() {
        return externalNumber != null && OWN_SERIES.matcher(externalNumber).matches();
    }

    public CreateInvoiceRequest invoice() {
        return new CreateInvoiceRequest(customerId, currency, issueDate, paymentTerms, dueDate, poNumber, lines,
                billingPeriod, notes, paymentInstructions, null);
    }
}
