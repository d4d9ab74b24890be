package io.receivables.payments.statement;

/** What the recording service does with a statement entry. */
public enum EntryKind {
    /** A booked credit (or one transaction of a booked batch credit): money a payer sent; record it as a payment. */
    PAYMENT,
    /**
     * A booked debit that returns or reverses an earlier credit (a bounced direct debit, a recalled transfer): reverse
     * the payment {@link StatementEntry#originalReference()} names.
     */
    REVERSAL,
    /**
     * Not money received: pending or informational, an ordinary debit, a fee; {@link StatementEntry#skipReason()} says which.
     */
    SKIPPED
}
