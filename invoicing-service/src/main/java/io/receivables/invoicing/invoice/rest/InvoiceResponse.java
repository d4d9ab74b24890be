package io.receivables.invoicing.invoice.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.receivables.common.money.DecimalStrings;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceLine;
import io.receivables.invoicing.invoice.InvoiceStatus;
import io.receivables.invoicing.terms.PaymentTermsType;

public record InvoiceResponse(UUID id, String number, UUID customerId, InvoiceStatus status, String currency,
        LocalDate issueDate, LocalDate dueDate, Terms paymentTerms, String subtotal, String taxTotal, String total,
        String poNumber, Instant issuedAt, List<Line> lines) {

    public record Terms(PaymentTermsType type, int days) {
    }

    public record Line(int lineNumber, String description, String quantity, String unitPrice, String taxRate,
            String netAmount, String taxAmount) {
    }

    public static InvoiceResponse of(Invoice invoice) {
        return new InvoiceResponse(invoice.id, invoice.number, invoice.customerId, invoice.status, invoice.currency,
                invoice.issueDate, invoice.dueDate, new Terms(invoice.termsType, invoice.termsDays),
                money(invoice, invoice.subtotal), money(invoice, invoice.taxTotal), money(invoice, invoice.total),
                invoice.poNumber, invoice.issuedAt, invoice.lines.stream().map(l -> line(invoice, l)).toList());
    }

    private static Line line(Invoice invoice, InvoiceLine line) {
        return new Line(line.lineNumber, line.description, plain(line.quantity), plain(line.unitPrice),
                plain(line.taxRate), money(invoice, line.netAmount), money(invoice, line.taxAmount));
    }

    private static String money(Invoice invoice, java.math.BigDecimal amount) {
        return DecimalStrings.format(io.receivables.common.money.Currencies.round(amount, invoice.currency));
    }

    /** Quantities and rates without the storage scale's trailing zeros: "2", not "2.000000". */
    private static String plain(java.math.BigDecimal value) {
        return DecimalStrings.format(value.stripTrailingZeros());
    }
}
