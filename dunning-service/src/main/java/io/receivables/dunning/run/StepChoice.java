package io.receivables.dunning.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.receivables.dunning.receivable.service.OpenItem;

/**
 * Which step an open invoice has reached on a day, derived from state only (its due date and the steps already
 * actioned for it), so that a run after an outage or skipped days sends the most advanced step due, never every
 * missed one, and nothing when that step was actioned. Pure.
 */
public final class StepChoice {

    private StepChoice() {
    }

    /**
     * The date reminders count from on {@code asOf}: the due date, or while an ACTIVE plan covers the invoice the
     * earliest instalment date before {@code asOf} (the earliest overdue one), else the next instalment date (for the
     * courtesy steps before it).
     */
    public static LocalDate effectiveDueDate(OpenItem item, LocalDate asOf) {
        List<LocalDate> dates = item.effectiveDueDates().stream().sorted().toList();
        if (dates.isEmpty()) {
            return item.dueDate();
        }
        return dates.stream().filter(date -> date.isBefore(asOf)).findFirst().orElse(dates.getFirst());
    }

    /**
     * The most advanced step of {@code steps} (ordered by number, offsets increasing) that is due on {@code asOf} for
     * the item: its offset at most the days past the effective due date, its minimum reached by the collectable
     * amount, and higher than {@code highestActioned} (0: none actioned). Empty when nothing is collectable or that
     * step was actioned already. The minimum applies in the policy's currency only: an invoice in another currency
     * has none (dunning has no exchange rates).
     */
    public static Optional<DueStep> choose(OpenItem item, LocalDate asOf, List<StepRule> steps, String policyCurrency,
            int highestActioned) {
        if (item.collectableAmount().signum() <= 0) {
            return Optional.empty();
        }
        LocalDate from = effectiveDueDate(item, asOf);
        long daysPastDue = ChronoUnit.DAYS.between(from, asOf);
        boolean policyCurrencyItem = item.currency().equals(policyCurrency);
        StepRule chosen = null;
        for (StepRule step : steps) {
            BigDecimal minimum = policyCurrencyItem && step.minimumOverdue() != null ? step.minimumOverdue()
                    : BigDecimal.ZERO;
            if (step.offsetDays() <= daysPastDue && item.collectableAmount().compareTo(minimum) >= 0
                    && (chosen == null || step.number() > chosen.number())) {
                chosen = step;
            }
        }
        if (chosen == null || chosen.number() <= highestActioned) {
            return Optional.empty();
        }
        return Optional.of(new DueStep(item, chosen, from, daysPastDue));
    }
}
