package io.receivables.invoicing.invoice.service;

import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.InvoiceLine;
import io.receivables.contracts.events.InvoiceVoided;
import io.receivables.contracts.events.InvoiceWrittenOff;
import io.receivables.invoicing.invoice.Invoice;

/** The events an invoice's changes publish, mapped field by field from the entity. */
final class InvoiceEvents {

    private InvoiceEvents() {
    }

    static InvoiceIssued issued(Invoice invoice) {
        return new InvoiceIssued(invoice.id, invoice.number, invoice.customerId, invoice.currency, invoice.issueDate,
                invoice.dueDate, invoice.paymentTerms().toContract(),
                invoice.subtotal, invoice.taxTotal, invoice.total,
                invoice.lines.stream()
                        .map(line -> new InvoiceLine(line.lineNumber, line.description, line.quantity, line.unitPrice,
                                line.taxRate, line.netAmount, line.taxAmount, LineExemptions.event(line)))
                        .toList(),
                invoice.poNumber, invoice.issuedAt,
                invoice.billingPeriodStart == null ? null
                        : new InvoiceIssued.BillingPeriod(invoice.billingPeriodStart, invoice.billingPeriodEnd),
                null, // OutboxWriter writes the change's actor
                invoice.lateFeeId == null ? null : new InvoiceIssued.LateFee(invoice.lateFeeId, invoice.feeForInvoiceId));
    }

    /** invoice-voided: the whole total leaves the open balance from the void's business date. */
    static InvoiceVoided voided(Invoice invoice) {
        return new InvoiceVoided(invoice.id, invoice.number, invoice.customerId, invoice.currency,
                Currencies.round(invoice.total, invoice.currency), InvoiceVoided.ReasonCode.valueOf(invoice.voidReason),
                invoice.voidNote, invoice.voidedAt, invoice.voidDate);
    }

    /** invoice-written-off: {@code amount} is what was still due when it was written off. */
    static InvoiceWrittenOff writtenOff(Invoice invoice, java.math.BigDecimal amount) {
        return new InvoiceWrittenOff(invoice.id, invoice.number, invoice.customerId, invoice.currency,
                Currencies.round(amount, invoice.currency), InvoiceWrittenOff.ReasonCode.valueOf(invoice.writeOffReason),
                invoice.writeOffDate, invoice.writeOffNote,
                invoice.writtenOffAt);
    }
}
