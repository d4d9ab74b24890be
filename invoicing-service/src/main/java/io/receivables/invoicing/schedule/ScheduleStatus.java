package io.receivables.invoicing.schedule;

public enum ScheduleStatus {
    /** Issues each period when it starts. */
    ACTIVE,
    /** Issues nothing; periods that start while paused are skipped, not billed on resume. */
    PAUSED,
    /** Stopped for good by a user. */
    CANCELLED,
    /** Every period up to the end date has been issued. */
    COMPLETED
}
