package io.receivables.invoicing.creditnote.document;

import java.util.Optional;

import io.receivables.common.text.FreeText;
import io.receivables.invoicing.creditnote.CreditNote;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.document.DocumentKind;
import io.receivables.invoicing.document.EInvoice;
import io.receivables.invoicing.document.EInvoiceFormat;
import io.receivables.invoicing.document.InvoiceDocument;
import io.receivables.invoicing.document.InvoiceDocument.InvoiceReference;
import io.receivables.invoicing.document.InvoiceDocument.Totals;
import io.receivables.invoicing.document.SellerConfig;
import io.receivables.invoicing.document.TaxExemption;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.document.InvoiceDocuments;

/**
 * Maps a credit note, the invoice it credits and the customer to the {@link InvoiceDocument} (kind CREDIT_NOTE) the
 * PDF renderer and the UBL writer take. The whole total is "due" to the customer: nothing of it was settled yet.
 */
public final class CreditNoteDocuments {

    private CreditNoteDocuments() {
    }

    /** The document to print: the buyer shows whatever address is on record. */
    public static InvoiceDocument forPrint(CreditNote note, Invoice invoice, Customer customer, SellerConfig seller) {
        return document(note, invoice, customer, seller);
    }

    /**
     * The e-credit note in {@code format}, with the credited invoice's buyer reference (or the customer's); 422
     * {@code missing-billing-data} when the customer lacks what it needs.
     */
    public static EInvoice forEInvoice(CreditNote note, Invoice invoice, Customer customer, SellerConfig seller,
            EInvoiceFormat format) {
        Optional<String> buyerReference = InvoiceDocuments.buyerReference(invoice.buyerReference, customer);
        InvoiceDocuments.requireEInvoiceData(customer, format, note.currency, buyerReference,
                Optional.ofNullable(FreeText.optional(invoice.poNumber)), InvoiceDocuments.zeroRateExemption(invoice));
        InvoiceDocument document = document(note, invoice, customer, seller);
        return new EInvoice(new InvoiceDocument(document.kind(), document.number(), document.issueDate(),
                document.dueDate(), document.billingPeriod(), document.currency(), document.purchaseOrderNumber(),
                document.notes(), document.payment(), document.earlyPaymentDiscount(), document.seller(),
                InvoiceDocuments.eInvoiceBuyer(customer), document.lines(), document.totals(),
                document.correctedInvoice()), format, buyerReference);
    }

    private static InvoiceDocument document(CreditNote note, Invoice invoice, Customer customer, SellerConfig seller) {
        Totals totals = new Totals(note.subtotal, note.taxTotal, note.total, java.math.BigDecimal.ZERO, note.total);
        // VAT is credited as it was charged: zero-rated lines as the invoice's were (exempt, reverse charge or zero)
        Optional<TaxExemption> zeroRate = InvoiceDocuments.zeroRateExemption(invoice);
        return new InvoiceDocument(DocumentKind.CREDIT_NOTE, note.number, note.issueDate, note.issueDate,
                Optional.empty(), note.currency, Optional.ofNullable(FreeText.optional(invoice.poNumber)),
                Optional.ofNullable(note.note), SellerConfig.sepaTransfer(seller, note.number), Optional.empty(),
                SellerConfig.party(seller), InvoiceDocuments.buyer(customer),
                note.lines.stream().map(line -> InvoiceDocuments.line(line, zeroRate)).toList(), totals,
                Optional.of(new InvoiceReference(invoice.number, invoice.issueDate)));
    }
}
