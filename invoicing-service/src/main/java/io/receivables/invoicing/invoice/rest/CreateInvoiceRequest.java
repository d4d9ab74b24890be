package io.receivables.invoicing.invoice.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.invoicing.customer.rest.PaymentTermsRequest;

/**
 * An invoice to issue, or with {@code draft: true} to keep as a draft. Currency and payment terms default to the
 * customer's billing profile; the due date follows from the terms unless given; the issue date defaults to the day it
 * is issued and may lie in the past (history imported from an ERP).
 */
public record CreateInvoiceRequest(
        @NotNull UUID customerId,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        LocalDate issueDate,
        @Valid PaymentTermsRequest paymentTerms,
        LocalDate dueDate,
        @Size(max = 64) String poNumber,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid InvoiceLineRequest> lines,
        @Valid BillingPeriod billingPeriod,
        @Size(max = 2000) String notes,
        @Size(max = 1000) String paymentInstructions,
        Boolean draft,
        @Schema(description = "The buyer reference (EN 16931 BT-10) of this invoice's e-invoice, e.g. a Leitweg-ID; default: the customer's") @Size(max = 200) String buyerReference) {

    /** An invoice with the customer's buyer reference. */
    public CreateInvoiceRequest(UUID customerId, String currency, LocalDate issueDate, PaymentTermsRequest paymentTerms,
            LocalDate dueDate, String poNumber, List<InvoiceLineRequest> lines, BillingPeriod billingPeriod,
            String notes, String paymentInstructions, Boolean draft) {
        this(customerId, currency, issueDate, paymentTerms, dueDate, poNumber, lines, billingPeriod, notes,
                paymentInstructions, draft, null);
    }

    /** An invoice to issue, with none of the optional texts. */
    public CreateInvoiceRequest(UUID customerId, String currency, LocalDate issueDate, PaymentTermsRequest paymentTerms,
            LocalDate dueDate, String poNumber, List<InvoiceLineRequest> lines) {
        this(customerId, currency, issueDate, paymentTerms, dueDate, poNumber, lines, null, null, null, null);
    }

    /** The inclusive period an invoice bills for, e.g. a subscription month. */
    public record BillingPeriod(@NotNull LocalDate start, @NotNull LocalDate end) {
    }

    public boolean isDraft() {
        return Boolean.TRUE.equals(draft);
    }
}
