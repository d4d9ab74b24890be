package io.receivables.disputes.dispute;

/**
 * Where a dispute stands: OPEN until someone reviews it, then UNDER_REVIEW and back and forth to AWAITING_CUSTOMER or
 * AWAITING_INTERNAL, until it is RESOLVED (with an outcome) or WITHDRAWN by the customer. Only RESOLVED and WITHDRAWN
 * end it; while it has not ended its disputed amount is held from collection.
 */
public enum DisputeState {
    OPEN,
    UNDER_REVIEW,
    AWAITING_CUSTOMER,
    AWAITING_INTERNAL,
    RESOLVED,
    WITHDRAWN;

    /** Whether the dispute still holds its amount from collection. */
    public boolean active() {
        return this != RESOLVED && this != WITHDRAWN;
    }
}
