package io.receivables.invoicing.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.receivables.common.money.DecimalStrings;
import io.receivables.common.text.FreeText;
import io.receivables.invoicing.customer.rest.PaymentTermsRequest;
import io.receivables.invoicing.invoice.rest.CreateInvoiceRequest;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;
import io.receivables.invoicing.terms.PaymentTerms;

/**
 * What every invoice of a schedule carries: currency and terms left out (null) still default to the customer's profile
 * when each period is issued. A domain value, stored in the schedule's own columns and lines (never as the REST
 * request's JSON), so the API can change without touching what is stored.
 */
public record InvoiceTemplate(String currency, PaymentTerms paymentTerms, String poNumber, List<Line> lines) {

    /**
     * One line of every invoice of the schedule, priced like an invoice line; {@code vatExemption} null for a taxed or
     * zero-rated (category Z) line.
     */
    public record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal taxRate,
            Exemption vatExemption) {
    }

    /**
     * Why a zero-rated line carries no VAT, as requested: category E (with its reason) or AE. Kept as asked, so an AE
     * line without reason or code gets the defaults each time a period is issued, exactly as POST /invoices gives them.
     */
    public record Exemption(String category, String reason, String reasonCode) {

        /** The request's exemption, a blank reason as none; null for none. */
        public static Exemption of(InvoiceLineRequest.VatExemptionRequest requested) {
            return requested == null ? null
                    : new Exemption(requested.category(), FreeText.optional(requested.reason()),
                            requested.reasonCode());
        }

        public InvoiceLineRequest.VatExemptionRequest request() {
            return new InvoiceLineRequest.VatExemptionRequest(category, reason, reasonCode);
        }
    }

    public InvoiceTemplate {
        lines = List.copyOf(lines);
    }

    /**
     * The invoice for the period from {@code issueDate} to {@code periodEnd}, as issuing takes it: dated the period's
     * start, and billing that period.
     */
    public CreateInvoiceRequest invoice(UUID customerId, LocalDate issueDate, LocalDate periodEnd) {
        PaymentTermsRequest terms = paymentTerms == null ? null
                : new PaymentTermsRequest(paymentTerms.type(), paymentTerms.days(), paymentTerms.discountDays(),
                        paymentTerms.discountRate() == null ? null : DecimalStrings.format(paymentTerms.discountRate()));
        List<InvoiceLineRequest> invoiceLines = lines.stream().map(line -> new InvoiceLineRequest(line.description(),
                DecimalStrings.format(line.quantity()), DecimalStrings.format(line.unitPrice()),
                DecimalStrings.format(line.taxRate()),
                line.vatExemption() == null ? null : line.vatExemption().request())).toList();
        return new CreateInvoiceRequest(customerId, currency, issueDate, terms, null, poNumber, invoiceLines,
                new CreateInvoiceRequest.BillingPeriod(issueDate, periodEnd), null, null, null);
    }
}
