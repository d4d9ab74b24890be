package io.receivables.disputes.dispute;

/** Why the customer disputes: routes the dispute to a team and chooses its SLA. */
public enum ReasonCode {
    PRICING,
    QUANTITY,
    DAMAGED_GOODS,
    NOT_RECEIVED,
    DUPLICATE_BILLING,
    QUALITY,
    CONTRACT_TERMS,
    /** Opened by the platform when a card payment is charged back (payment-reversed with reason CHARGEBACK). */
    CHARGEBACK,
    OTHER
}
