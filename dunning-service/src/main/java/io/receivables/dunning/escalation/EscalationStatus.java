package io.receivables.dunning.escalation;

/** An escalation holds its invoices while ACTIVE; RECALLED frees them for the run again. */
public enum EscalationStatus {
    ACTIVE,
    RECALLED
}
