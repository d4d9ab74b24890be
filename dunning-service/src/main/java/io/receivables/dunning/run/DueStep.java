package io.receivables.dunning.run;

import java.time.LocalDate;

import io.receivables.dunning.receivable.service.OpenItem;

/**
 * An open invoice due for a step on the run's day: the date its days count from (its due date, or the plan instalment
 * that is overdue) and how many days past that date the day is (negative: before it).
 */
public record DueStep(OpenItem item, StepRule step, LocalDate effectiveDueDate, long daysPastDue) {
}
