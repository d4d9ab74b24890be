package io.receivables.disputes.receivable;

/** Whether an invoice can still be disputed: a voided or written-off one owes nothing. */
public enum InvoiceState {
    OPEN,
    VOIDED,
    WRITTEN_OFF
}
