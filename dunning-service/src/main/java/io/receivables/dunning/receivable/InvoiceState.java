package io.receivables.dunning.receivable;

/** Whether anything can still be collected on an invoice: a voided or written-off one owes nothing. */
public enum InvoiceState {
    OPEN,
    VOIDED,
    WRITTEN_OFF
}
