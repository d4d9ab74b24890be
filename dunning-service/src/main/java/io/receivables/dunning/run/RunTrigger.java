package io.receivables.dunning.run;

/** Who started a run: the daily scheduler (one per day) or an ar-admin. */
public enum RunTrigger {
    SCHEDULED,
    MANUAL
}
