package io.receivables.invoicing.invoice.service;

import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.InvoiceLine;
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
                                line.taxRate, line.netAmount, line.taxAmount))
                        .toList(),
                invoice.poNumber, invoice.issuedAt);
    }
}
