package io.receivables.invoicing.invoice.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.invoicing.customer.rest.CustomerResponse;
import io.receivables.invoicing.invoice.DocumentLine;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceStatus;

/**
 * An invoice as clients see it. {@code status} is derived on the day of the request (see {@link Invoice#statusOn}):
 * PAID, PARTIALLY_PAID, OVERDUE and DISPUTED come from the payments and disputes applied to it.
 */
public record InvoiceResponse(UUID id, String number, UUID customerId, InvoiceStatus status, String currency,
        LocalDate issueDate, LocalDate dueDate, CustomerResponse.Terms paymentTerms, LocalDate discountDate,
        String discountAmount, String subtotal, String taxTotal, String total, String amountDue,
        String amountPaid, String amountOverpaid, String disputedAmount,
        CreditCheck creditCheck, String poNumber, CreateInvoiceRequest.BillingPeriod billingPeriod, String notes,
        String paymentInstructions, Instant createdAt, Instant issuedAt, List<Line> lines,
        @Schema(description = "The sum of the invoice's credit notes") String amountCredited,
        @Schema(description = "For a fee invoice (late fee or interest): the overdue invoice it charges for") UUID feeForInvoiceId) {

    /**
     * How the invoice stood against the customer's credit limit when it was issued: only on the response of the issuing
     * request. {@code decision} is WITHIN_LIMIT, NO_LIMIT or ALLOWED_OVER_LIMIT.
     */
    public record CreditCheck(String decision, String creditLimit, String openBefore, String openAfter, String reason) {

        public static CreditCheck of(io.receivables.invoicing.invoice.credit.CreditCheck check, String currency) {
            return new CreditCheck(check.decision().name(), money(check.creditLimit(), currency),
                    money(check.openBefore(), currency), money(check.openAfter(), currency), check.reason());
        }

        /** Amounts of the check in the customer's currency, where the limit is; absent when there is none. */
        private static String money(java.math.BigDecimal amount, String currency) {
            return amount == null ? null
                    : Currencies.format(amount, currency);
        }
    }

    public record Line(int lineNumber, String description, String quantity, String unitPrice, String taxRate,
            String netAmount, String taxAmount) {

        /** An invoice's or credit note's line, its amounts in the document's currency. */
        public static Line of(DocumentLine line, String currency) {
            return new Line(line.lineNumber, line.description, plain(line.quantity), plain(line.unitPrice),
                    plain(line.taxRate), Currencies.format(line.netAmount, currency),
                    Currencies.format(line.taxAmount, currency));
        }
    }

    public static InvoiceResponse of(Invoice invoice, LocalDate today) {
        return of(invoice, null, today);
    }

    public static InvoiceResponse of(Invoice invoice, CreditCheck creditCheck, LocalDate today) {
        return new InvoiceResponse(invoice.id, invoice.number, invoice.customerId, invoice.statusOn(today),
                invoice.currency,
                invoice.issueDate, invoice.dueDate, CustomerResponse.Terms.of(invoice.paymentTerms()),
                invoice.discountDate, invoice.discountAmount == null ? null : money(invoice, invoice.discountAmount),
                money(invoice, invoice.subtotal), money(invoice, invoice.taxTotal), money(invoice, invoice.total),
                money(invoice, invoice.amountDue), money(invoice, invoice.amountPaid),
                money(invoice, invoice.amountOverpaid), money(invoice, invoice.disputedAmount), creditCheck,
                invoice.poNumber,
                invoice.billingPeriodStart == null ? null
                        : new CreateInvoiceRequest.BillingPeriod(invoice.billingPeriodStart, invoice.billingPeriodEnd),
                invoice.notes, invoice.paymentInstructions, invoice.createdAt, invoice.issuedAt,
                invoice.lines.stream().map(l -> Line.of(l, invoice.currency)).toList(),
                money(invoice, invoice.amountCredited), invoice.feeForInvoiceId);
    }

    private static String money(Invoice invoice, java.math.BigDecimal amount) {
        return Currencies.format(amount, invoice.currency);
    }

    /** Quantities and rates without the storage scale's trailing zeros: "2", not "2.000000". */
    private static String plain(java.math.BigDecimal value) {
        return DecimalStrings.format(value.stripTrailingZeros());
    }
}
