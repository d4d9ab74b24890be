package io.receivables.invoicing.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.receivables.invoicing.customer.rest.PaymentTermsRequest;
import io.receivables.invoicing.invoice.rest.CreateInvoiceRequest;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;

/**
 * What every invoice of a schedule carries, kept as the client sent it: currency and terms left out still default to
 * the customer's profile when each period is issued.
 */
public record InvoiceTemplate(String currency, PaymentTermsRequest paymentTerms, String poNumber,
        List<InvoiceLineRequest> lines) {

    /**
     * The invoice for the period from {@code issueDate} to {@code periodEnd}, as POST /invoices would take it: dated
     * the period's start, and billing that period.
     */
    public CreateInvoiceRequest invoice(UUID customerId, LocalDate issueDate, LocalDate periodEnd) {
        return new CreateInvoiceRequest(customerId, currency, issueDate, paymentTerms, null, poNumber, lines,
                new CreateInvoiceRequest.BillingPeriod(issueDate, periodEnd), null, null, null);
    }
}
