package io.receivables.payments.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How far a plan is paid, and what that means on a day: what is paid fills the down payment and the instalments in
 * due-date order (oldest first); the plan is complete once the paid amount reaches its total, and broken once the
 * oldest instalment not paid in full is more than {@code graceDays} days past its due date.
 *
 * @param instalments every instalment (the down payment first, number 0) with what is paid of it
 * @param paid what was paid towards the plan, never below zero (it may exceed the total)
 * @param outstanding what is unpaid of the plan's total, never below zero
 * @param outcome what the plan should be now
 * @param late the instalment that breaks the plan when {@code outcome} is {@link Outcome#BROKEN}, else null
 * @param daysLate how late {@code late} is (0 without one)
 */
public record Progress(List<Filled> instalments, BigDecimal paid, BigDecimal outstanding, Outcome outcome,
        Filled late, int daysLate) {

    /** What the plan should be. */
    public enum Outcome {
        ON_TRACK,
        COMPLETED,
        BROKEN
    }

    /** How an instalment stands on a day. */
    @Schema(name = "InstalmentState")
    public enum State {
        PAID,
        PARTIALLY_PAID,
        DUE,
        OVERDUE
    }

    /** One scheduled amount: number 0 is the down payment, the instalments count from 1. */
    public record Scheduled(int number, LocalDate dueDate, BigDecimal amount) {
    }

    /** A scheduled amount with what is paid of it. */
    public record Filled(int number, LocalDate dueDate, BigDecimal amount, BigDecimal paid, State state) {

        public BigDecimal outstanding() {
            return amount.subtract(paid);
        }
    }

    /**
     * The progress of {@code schedule} (in due-date order) with {@code paid} towards it, as of {@code today}.
     */
    public static Progress of(List<Scheduled> schedule, BigDecimal paid, LocalDate today, int graceDays) {
        BigDecimal left = paid.max(BigDecimal.ZERO);
        BigDecimal total = BigDecimal.ZERO;
        List<Filled> filled = new ArrayList<>(schedule.size());
        Filled firstUnpaid = null;
        for (Scheduled due : schedule) {
            total = total.add(due.amount());
            BigDecimal share = left.min(due.amount());
            left = left.subtract(share);
            State state;
            if (share.compareTo(due.amount()) == 0) {
                state = State.PAID;
            } else if (due.dueDate().isBefore(today)) {
                state = State.OVERDUE;
            } else {
                state = share.signum() > 0 ? State.PARTIALLY_PAID : State.DUE;
            }
            Filled one = new Filled(due.number(), due.dueDate(), due.amount(), share, state);
            filled.add(one);
            if (firstUnpaid == null && state != State.PAID) {
                firstUnpaid = one;
            }
        }
        BigDecimal paidTowards = paid.max(BigDecimal.ZERO);
        BigDecimal outstanding = total.subtract(paidTowards).max(BigDecimal.ZERO);
        if (firstUnpaid == null) {
            return new Progress(List.copyOf(filled), paidTowards, outstanding, Outcome.COMPLETED, null, 0);
        }
        long late = ChronoUnit.DAYS.between(firstUnpaid.dueDate(), today);
        if (late > graceDays) {
            return new Progress(List.copyOf(filled), paidTowards, outstanding, Outcome.BROKEN, firstUnpaid,
                    (int) late);
        }
        return new Progress(List.copyOf(filled), paidTowards, outstanding, Outcome.ON_TRACK, null, 0);
    }
}
