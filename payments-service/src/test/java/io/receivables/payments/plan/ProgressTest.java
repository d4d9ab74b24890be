package io.receivables.payments.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.receivables.payments.plan.Progress.Outcome;
import io.receivables.payments.plan.Progress.Scheduled;
import io.receivables.payments.plan.Progress.State;

class ProgressTest {

    static final List<Scheduled> PLAN = List.of(
            new Scheduled(0, LocalDate.of(2027, 1, 5), new BigDecimal("300.00")),
            new Scheduled(1, LocalDate.of(2027, 2, 5), new BigDecimal("400.00")),
            new Scheduled(2, LocalDate.of(2027, 3, 5), new BigDecimal("400.00")));

    @Test
    void paymentsFillTheDownPaymentThenTheInstalmentsOldestFirst() {
        Progress progress = Progress.of(PLAN, new BigDecimal("450.00"), LocalDate.of(2027, 1, 20), 5);

        assertThat(progress.instalments()).extracting(f -> f.paid().toPlainString()).containsExactly("300.00",
                "150.00", "0.00");
        assertThat(progress.instalments()).extracting(Progress.Filled::state).containsExactly(State.PAID,
                State.PARTIALLY_PAID, State.DUE);
        assertThat(progress.outstanding()).isEqualByComparingTo("650.00");
        assertThat(progress.outcome()).isEqualTo(Outcome.ON_TRACK);
    }

    @Test
    void anInstalmentLateByTheGraceDaysIsOverdueButOneDayMoreBreaksThePlan() {
        LocalDate graceEnds = LocalDate.of(2027, 2, 10);
        Progress withinGrace = Progress.of(PLAN, new BigDecimal("450.00"), graceEnds, 5);
        assertThat(withinGrace.outcome()).isEqualTo(Outcome.ON_TRACK);
        assertThat(withinGrace.instalments().get(1).state()).isEqualTo(State.OVERDUE);

        Progress broken = Progress.of(PLAN, new BigDecimal("450.00"), graceEnds.plusDays(1), 5);
        assertThat(broken.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(broken.late().number()).isEqualTo(1);
        assertThat(broken.late().outstanding()).isEqualByComparingTo("250.00");
        assertThat(broken.daysLate()).isEqualTo(6);
    }

    @Test
    void paidInFullCompletesEvenLateAndAnOverpaymentIsNotOwedBack() {
        Progress paid = Progress.of(PLAN, new BigDecimal("1100.00"), LocalDate.of(2030, 1, 1), 5);
        assertThat(paid.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(paid.outstanding()).isEqualByComparingTo("0");

        Progress more = Progress.of(PLAN, new BigDecimal("1200.00"), LocalDate.of(2027, 1, 1), 5);
        assertThat(more.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(more.instalments()).allSatisfy(f -> assertThat(f.state()).isEqualTo(State.PAID));
    }

    @Test
    void aReversalBelowTheBaselineCountsAsNothingPaid() {
        Progress progress = Progress.of(PLAN, new BigDecimal("-50.00"), LocalDate.of(2027, 1, 1), 5);

        assertThat(progress.paid()).isEqualByComparingTo("0");
        assertThat(progress.instalments()).allSatisfy(f -> assertThat(f.paid()).isEqualByComparingTo("0"));
        assertThat(progress.outstanding()).isEqualByComparingTo("1100.00");
    }
}
