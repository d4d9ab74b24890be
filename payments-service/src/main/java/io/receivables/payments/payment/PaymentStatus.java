package io.receivables.payments.payment;

/** Where a payment's money stands; derived from its allocations (see {@link Payment#deriveStatus()}). */
public enum PaymentStatus {
    /** Nothing of it is allocated (waiting for review, unidentified, or simply no invoice matched). */
    UNAPPLIED,
    PARTIALLY_APPLIED,
    /** All of it is allocated (or refunded). */
    APPLIED,
    /** It did not stand: bounced, charged back or entered in error. */
    REVERSED
}
