package io.receivables.common.inbox;

/** What became of an event handed to {@link InboxProcessor#applyOnce}. */
public enum EventApplication {
    /** Applied now, together with its inbox row. */
    APPLIED,
    /** Recorded in the inbox and parked until the thing it refers to arrives. */
    PARKED,
    /** Applied before (its ce_id is in the inbox): nothing changed. */
    DUPLICATE
}
