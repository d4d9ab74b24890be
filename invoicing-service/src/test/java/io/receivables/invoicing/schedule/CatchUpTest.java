package io.receivables.invoicing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CatchUpTest {

    private static final BillingCalendar MONTHLY_1ST = new BillingCalendar(Frequency.MONTHLY, 1);
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 15);

    @Test
    void withoutCatchUpFromBillingStartsWithTheFirstPeriodOnOrAfterToday() {
        CatchUp twoYearsBack = CatchUp.decide(MONTHLY_1ST, LocalDate.of(2025, 3, 15), null, null, TODAY, 12);
        assertThat(twoYearsBack).isEqualTo(new CatchUp(LocalDate.of(2027, 4, 1), 0, null));

        CatchUp onAnAnchorDay = CatchUp.decide(MONTHLY_1ST, LocalDate.of(2025, 3, 15), null, null,
                LocalDate.of(2027, 4, 1), 12);
        assertThat(onAnAnchorDay.firstPeriod()).as("today's period is not missed").isEqualTo("2027-04-01");

        CatchUp future = CatchUp.decide(MONTHLY_1ST, LocalDate.of(2027, 6, 2), null, null, TODAY, 12);
        assertThat(future.firstPeriod()).as("a future start is its own first period").isEqualTo("2027-07-01");
    }

    @Test
    void catchUpFromCountsThePeriodsStartedBeforeTodayAndNamesTheEarliestWithinTheCap() {
        CatchUp atCap = CatchUp.decide(MONTHLY_1ST, LocalDate.of(2025, 3, 15), null, LocalDate.of(2026, 3, 2), TODAY,
                12);
        assertThat(atCap).isEqualTo(new CatchUp(LocalDate.of(2026, 4, 1), 12, null));
        assertThat(atCap.overCap(12)).isFalse();

        CatchUp overCap = CatchUp.decide(MONTHLY_1ST, LocalDate.of(2025, 3, 15), null, LocalDate.of(2025, 1, 1),
                TODAY, 12);
        assertThat(overCap.firstPeriod()).isEqualTo("2025-04-01");
        assertThat(overCap.missed()).isEqualTo(24);
        assertThat(overCap.overCap(12)).isTrue();
        assertThat(overCap.earliestAllowed()).isEqualTo("2026-04-01");

        CatchUp noneAllowed = CatchUp.decide(MONTHLY_1ST, LocalDate.of(2025, 3, 15), null, LocalDate.of(2027, 3, 1),
                TODAY, 0);
        assertThat(noneAllowed.missed()).isEqualTo(1);
        assertThat(noneAllowed.earliestAllowed()).isEqualTo(TODAY);
    }

    @Test
    void periodsAfterTheEndDateAreNotCountedAndTheShorterMonthsOfAnAnchorOn31AreKept() {
        CatchUp ended = CatchUp.decide(MONTHLY_1ST, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 6, 30),
                LocalDate.of(2020, 1, 1), TODAY, 18);
        assertThat(ended.missed()).isEqualTo(18);

        CatchUp anchor31 = CatchUp.decide(new BillingCalendar(Frequency.QUARTERLY, 31), LocalDate.of(2026, 1, 1), null,
                LocalDate.of(2026, 2, 1), TODAY, 12);
        assertThat(anchor31).as("Apr 30, Jul 31, Oct 31, Jan 31").isEqualTo(new CatchUp(LocalDate.of(2026, 4, 30), 4,
                null));
    }
}
