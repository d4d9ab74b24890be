package io.receivables.invoicing.invoice.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.contracts.events.VatExemption;
import io.receivables.invoicing.customer.rest.CustomerResponse;
import io.receivables.invoicing.invoice.DocumentLine;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceLine;
import io.receivables.invoicing.invoice.InvoiceStatus;

/**
 * An invoice as clients see it. {@code status} is derived on the day of the request (see {@link Invoice#statusOn}):
 * PAID, PARTIALLY_PAID, OVERDUE and DISPUTED come from the payments and disputes applied to it.
 */
public record InvoiceResponse(UUID id,
        @Schema(nullable = true, description = "The gap-free number; null on a draft, which gets one when it is issued") String number,
        UUID customerId, InvoiceStatus status, String currency,
        @Schema(nullable = true, description = "null on a draft that leaves it open: it is the day the draft is issued") LocalDate issueDate,
        @Schema(nullable = true, description = "null on a draft that leaves it to the payment terms") LocalDate dueDate,
        CustomerResponse.Terms paymentTerms,
        @Schema(nullable = true, description = "Pay by this date to take the early-payment discount; null without one") LocalDate discountDate,
        @Schema(nullable = true, description = "The early-payment discount; null without one") String discountAmount,
        String subtotal, String taxTotal, String total, String amountDue, String amountPaid, String amountOverpaid,
        String disputedAmount,
        @Schema(nullable = true, description = "Only on the response of the request that issued the invoice") CreditCheck creditCheck,
        @Schema(nullable = true) String poNumber,
        @Schema(nullable = true) CreateInvoiceRequest.BillingPeriod billingPeriod,
        @Schema(nullable = true) String notes,
        @Schema(nullable = true) String paymentInstructions, Instant createdAt,
        @Schema(nullable = true, description = "null on a draft") Instant issuedAt, List<Line> lines,
        @Schema(description = "The sum of the invoice's credit notes") String amountCredited,
        @Schema(nullable = true, description = "For a fee invoice (late fee or interest): the overdue invoice it charges for; otherwise null") UUID feeForInvoiceId,
        @Schema(nullable = true, description = "The invoice's own buyer reference (BT-10); null: the customer's applies") String buyerReference,
        @Schema(nullable = true, description = "VOIDED: the business date from which it is void; otherwise null") LocalDate voidDate,
        @Schema(nullable = true, description = "WRITTEN_OFF: the business date of the write-off; otherwise null") LocalDate writeOffDate) {

    /**
     * How the invoice stood against the customer's credit limit when it was issued: only on the response of the issuing
     * request.
     */
    public record CreditCheck(CreditDecision decision,
            @Schema(nullable = true, description = "null when the customer has no credit limit") String creditLimit,
            String openBefore,
            @Schema(nullable = true, description = "null when the customer has no credit limit") String openAfter,
            @Schema(nullable = true, description = "Why the invoice was allowed over the limit") String reason) {

        public static CreditCheck of(io.receivables.invoicing.invoice.credit.CreditCheck check, String currency) {
            return new CreditCheck(CreditDecision.valueOf(check.decision().name()), money(check.creditLimit(), currency),
                    money(check.openBefore(), currency), money(check.openAfter(), currency), check.reason());
        }

        /** Amounts of the check in the customer's currency, where the limit is; absent when there is none. */
        private static String money(java.math.BigDecimal amount, String currency) {
            return amount == null ? null
                    : Currencies.format(amount, currency);
        }
    }

    /** How an invoice stood against the customer's credit limit when it was issued. */
    @Schema(name = "CreditDecision")
    public enum CreditDecision {
        NO_LIMIT,
        WITHIN_LIMIT,
        ALLOWED_OVER_LIMIT
    }

    @Schema(name = "DocumentLine", description = "A line of an invoice or credit note, its amounts in the document's currency")
    public record Line(int lineNumber, String description, String quantity, String unitPrice, String taxRate,
            String netAmount, String taxAmount,
            @Schema(nullable = true, description = "Why a zero-rated invoice line carries no VAT: E exempt, AE reverse charge; null: taxed at taxRate, or zero-rated") VatExemption vatExemption) {

        /** An invoice's or credit note's line, its amounts in the document's currency. */
        public static Line of(DocumentLine line, String currency) {
            VatExemption exemption = line instanceof InvoiceLine invoiceLine && invoiceLine.vatCategory != null
                    ? new VatExemption(VatExemption.Category.valueOf(invoiceLine.vatCategory),
                            invoiceLine.exemptionReason, invoiceLine.exemptionReasonCode)
                    : null;
            return new Line(line.lineNumber, line.description, plain(line.quantity), plain(line.unitPrice),
                    plain(line.taxRate), Currencies.format(line.netAmount, currency),
                    Currencies.format(line.taxAmount, currency), exemption);
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
                money(invoice, invoice.amountCredited), invoice.feeForInvoiceId, invoice.buyerReference,
                invoice.voidDate, invoice.writeOffDate);
    }

    private static String money(Invoice invoice, java.math.BigDecimal amount) {
        return Currencies.format(amount, invoice.currency);
    }

    /** Quantities and rates without the storage scale's trailing zeros: "2", not "2.000000". */
    private static String plain(java.math.BigDecimal value) {
        return DecimalStrings.format(value.stripTrailingZeros());
    }
}
