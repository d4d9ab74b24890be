package io.receivables.dunning.receivable;

/** A payment plan as payments published it: only an ACTIVE one replaces its invoices' due dates. */
public enum PlanState {
    ACTIVE,
    BROKEN,
    COMPLETED
}
