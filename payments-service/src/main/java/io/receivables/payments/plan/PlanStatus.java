package io.receivables.payments.plan;

/** A payment plan is ACTIVE until it is paid (COMPLETED), an instalment is too late (BROKEN) or it is cancelled. */
public enum PlanStatus {
    ACTIVE,
    COMPLETED,
    BROKEN,
    CANCELLED
}
