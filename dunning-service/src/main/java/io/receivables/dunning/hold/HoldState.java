package io.receivables.dunning.hold;

/** A manual hold is ACTIVE until a collector releases it; past its end date it stays ACTIVE and holds nothing. */
public enum HoldState {
    ACTIVE,
    RELEASED
}
