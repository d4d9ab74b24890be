package io.receivables.invoicing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BillingCalendarTest {

    @Test
    void anAnchorDayTheMonthLacksFallsOnItsLastDayAndTheNextMonthGoesBackToTheAnchor() {
        BillingCalendar calendar = new BillingCalendar(Frequency.MONTHLY, 31);
        LocalDate january = calendar.firstPeriodStart(LocalDate.of(2065, 1, 1));
        LocalDate february = calendar.nextPeriodStart(january);
        LocalDate march = calendar.nextPeriodStart(february);

        assertThat(january).isEqualTo("2065-01-31");
        assertThat(february).isEqualTo("2065-02-28");
        assertThat(march).isEqualTo("2065-03-31");
        assertThat(calendar.nextPeriodStart(march)).isEqualTo("2065-04-30");
        assertThat(calendar.nextPeriodStart(LocalDate.of(2064, 1, 31))).as("leap year").isEqualTo("2064-02-29");
        assertThat(calendar.periodEnd(january)).isEqualTo("2065-02-27");
        assertThat(calendar.periodEnd(february)).isEqualTo("2065-03-30");
    }

    @Test
    void theFirstPeriodStartsOnTheFirstAnchorDayOnOrAfterTheStartDate() {
        assertThat(new BillingCalendar(Frequency.MONTHLY, 1).firstPeriodStart(LocalDate.of(2061, 1, 15)))
                .isEqualTo("2061-02-01");
        assertThat(new BillingCalendar(Frequency.MONTHLY, 15).firstPeriodStart(LocalDate.of(2061, 1, 15)))
                .isEqualTo("2061-01-15");
        assertThat(new BillingCalendar(Frequency.YEARLY, 20).firstPeriodStart(LocalDate.of(2061, 1, 15)))
                .isEqualTo("2061-01-20");
        assertThat(new BillingCalendar(Frequency.MONTHLY, 31).firstPeriodStart(LocalDate.of(2061, 2, 28)))
                .isEqualTo("2061-02-28");
    }

    @Test
    void quarterlyAndYearlyPeriodsStepThreeAndTwelveMonthsFromTheAnchor() {
        BillingCalendar quarterly = new BillingCalendar(Frequency.QUARTERLY, 30);
        assertThat(quarterly.nextPeriodStart(LocalDate.of(2061, 11, 30))).isEqualTo("2062-02-28");
        assertThat(quarterly.nextPeriodStart(LocalDate.of(2062, 2, 28))).isEqualTo("2062-05-30");
        assertThat(quarterly.periodEnd(LocalDate.of(2061, 11, 30))).isEqualTo("2062-02-27");
        BillingCalendar yearly = new BillingCalendar(Frequency.YEARLY, 29);
        assertThat(yearly.nextPeriodStart(LocalDate.of(2064, 2, 29))).isEqualTo("2065-02-28");
        assertThat(yearly.nextPeriodStart(LocalDate.of(2067, 2, 28))).isEqualTo("2068-02-29");
    }

    @Test
    void theFirstPeriodOnOrAfterADateStaysOnTheSchedulesGrid() {
        BillingCalendar quarterly = new BillingCalendar(Frequency.QUARTERLY, 1);
        assertThat(quarterly.firstPeriodStartOnOrAfter(LocalDate.of(2068, 1, 1), LocalDate.of(2068, 3, 15)))
                .isEqualTo("2068-04-01");
        assertThat(quarterly.firstPeriodStartOnOrAfter(LocalDate.of(2068, 1, 1), LocalDate.of(2068, 1, 1)))
                .isEqualTo("2068-01-01");
    }
}
