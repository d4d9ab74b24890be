package io.receivables.dunning.task;

/** A phone task is OPEN in the collectors' queue until a collector completes it with an outcome (DONE). */
public enum TaskStatus {
    OPEN,
    DONE
}
