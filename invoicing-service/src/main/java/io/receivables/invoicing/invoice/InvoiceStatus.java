package io.receivables.invoicing.invoice;

/** Where an invoice stands. Paid, overdue and disputed are derived from later events, not stored here yet. */
public enum InvoiceStatus {
    ISSUED
}
