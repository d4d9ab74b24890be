package io.receivables.payments.statement.service;

/** What importing one statement entry did (docs/payments.md#bank-statement-import). */
public enum EntryStatus {
    /** Recorded and fully applied to invoices. */
    MATCHED,
    /** Recorded, applied in part; the rest waits on the customer's balance or for review. */
    PARTIALLY_MATCHED,
    /** Recorded for a known customer; nothing applied (no invoice matched, or the match waits for review). */
    UNAPPLIED,
    /** Recorded; no customer identified, it waits for review. */
    UNIDENTIFIED,
    /** Its bank reference was recorded before (or its return applied before): nothing written. */
    DUPLICATE,
    /** A return: the payment it returns is reversed. */
    REVERSAL,
    /** A return whose original payment is not found (or not the same amount): nothing written, see the reason. */
    UNMATCHED_REVERSAL,
    /** Not money received (pending, fee, debit); see the reason. */
    SKIPPED,
    /** Refused on its own (the others are imported); see the reason. */
    FAILED
}
