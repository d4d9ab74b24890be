package io.receivables.dunning.policy;

/** Why a policy applies to a customer, in the order they are tried. */
public enum PolicySource {
    /** The customer's own policy. */
    OVERRIDE,
    /** The policy of the customer's segment. */
    SEGMENT,
    /** The default policy. */
    DEFAULT
}
