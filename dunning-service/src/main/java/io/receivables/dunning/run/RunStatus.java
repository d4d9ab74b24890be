package io.receivables.dunning.run;

/** Where a run stands. */
public enum RunStatus {
    /** Waiting until the consumers applied every event that was on their topics when the run was created. */
    WAITING_FOR_CATCH_UP,
    /** Its customers are being processed, by any replica. */
    RUNNING,
    /** No customer is left. */
    COMPLETED,
    /** It sent nothing: the consumers did not catch up in time ({@code failureReason}). */
    FAILED
}
