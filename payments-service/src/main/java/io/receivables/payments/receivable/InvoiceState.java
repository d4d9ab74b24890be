package io.receivables.payments.receivable;

/** Whether an invoice can still be paid: a voided or written-off one owes nothing here. */
public enum InvoiceState {
    OPEN,
    VOIDED,
    WRITTEN_OFF
}
