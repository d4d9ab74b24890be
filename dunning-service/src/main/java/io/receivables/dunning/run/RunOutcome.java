package io.receivables.dunning.run;

/** What a run did for one customer. */
public enum RunOutcome {
    /** At least one message written. */
    MESSAGED,
    /** No invoice due for a step it has not had (or every channel lacked a recipient: counted as skips). */
    NOTHING_DUE,
    DO_NOT_DUN,
    /** A hold on the whole account. */
    HELD,
    NO_POLICY,
    /** Another replica or run actioned one of its (invoice, step)s first: this transaction rolled back. */
    ALREADY_ACTIONED,
    /** Processing failed (detail says why); nothing was written for it. The next run tries again. */
    FAILED
}
