package io.receivables.invoicing.invoice;

/**
 * Where an invoice stands. ISSUED, VOIDED and WRITTEN_OFF are its stored lifecycle; PAID, PARTIALLY_PAID, OVERDUE and
 * DISPUTED are never stored: {@link Invoice#statusOn} derives them from the payments and disputes applied to an ISSUED
 * invoice and from today's date, so they are always current and never depend on the order events arrived in.
 */
public enum InvoiceStatus {
    /** Being prepared: no number, no event, not receivable; may be changed or deleted until issued. */
    DRAFT,
    ISSUED,
    /** Cancelled before anything was paid or credited on it; keeps its number, owes nothing. */
    VOIDED,
    /** Its remaining amount due was written off as bad debt; owes nothing. */
    WRITTEN_OFF,
    /** Derived: nothing is due any more (overpaid ones included). */
    PAID,
    /** Derived: something is due and a dispute on it is open; a collector holds off whatever the due date. */
    DISPUTED,
    /** Derived: something is due, nothing is disputed, and the due date has passed. */
    OVERDUE,
    /** Derived: something was paid, the rest is not yet due. */
    PARTIALLY_PAID
}
