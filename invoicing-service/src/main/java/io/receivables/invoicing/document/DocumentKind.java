package io.receivables.invoicing.document;

/** What an {@link InvoiceDocument} is: a claim on the buyer, or a correction of one in the buyer's favour. */
public enum DocumentKind {
    INVOICE,
    CREDIT_NOTE
}
