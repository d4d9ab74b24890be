package io.receivables.invoicing.invoice;

/** Where an invoice stands. Paid, overdue and disputed are derived from later events, not stored here yet. */
public enum InvoiceStatus {
    /** Being prepared: no number, no event, not receivable; may be changed or deleted until issued. */
    DRAFT,
    ISSUED,
    /** Cancelled before anything was paid or credited on it; keeps its number, owes nothing. */
    VOIDED,
    /** Its remaining amount due was written off as bad debt; owes nothing. */
    WRITTEN_OFF
}
