package io.receivables.dunning.task;

/** What came of a collector's call. */
public enum CallOutcome {
    REACHED,
    NO_ANSWER,
    WRONG_NUMBER,
    PROMISED_TO_PAY,
    DISPUTED,
    OTHER
}
