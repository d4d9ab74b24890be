package io.receivables.invoicing.document;

import java.util.Objects;
import java.util.Optional;

/**
 * A document to serve as an e-invoice in one format. The buyer reference (BT-10) is the invoice's own or its customer's
 * default; the mapping checked beforehand that the format gets everything it requires.
 */
public record EInvoice(InvoiceDocument document, EInvoiceFormat format, Optional<String> buyerReference) {

    public EInvoice {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(buyerReference, "buyerReference");
    }

    /** As {@code /ubl} has always served it: Peppol BIS Billing 3.0, the order number as buyer reference. */
    public static EInvoice peppol(InvoiceDocument document) {
        return new EInvoice(document, EInvoiceFormat.PEPPOL_BIS_3, Optional.empty());
    }
}
