package io.receivables.dunning.message;

/** Where a message's delivery stands (db/dunning-030-messages.sql). */
public enum MessageStatus {
    /** Decided by a run, waiting for delivery (or for its next attempt after a transient failure). */
    QUEUED,
    /** A delivery attempt began and has not been recorded as done: after a crash it is retried. */
    SENDING,
    SENT,
    /** Delivery gave up: a permanent refusal, or the attempts ran out; {@code lastError} says why. */
    FAILED,
    /** The receiver refused it after it was sent. */
    BOUNCED
}
