package io.receivables.invoicing.invoice.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.receivables.invoicing.customer.rest.PaymentTermsRequest;

/**
 * An invoice to issue. Currency and payment terms default to the customer's billing profile; the due date follows from
 * the terms unless given. The issue date may lie in the past (history imported from an ERP).
 */
public record CreateInvoiceRequest(
        @NotNull UUID customerId,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull LocalDate issueDate,
        @Valid PaymentTermsRequest paymentTerms,
        LocalDate dueDate,
        @Size(max = 64) String poNumber,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid InvoiceLineRequest> lines) {
}
