package io.receivables.dunning.policy;

/** Where a step hands the invoices over: a collection agency, or legal proceedings. */
public enum Escalation {
    AGENCY,
    LEGAL
}
