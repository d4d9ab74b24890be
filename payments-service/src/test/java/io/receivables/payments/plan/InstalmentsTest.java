package io.receivables.payments.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.receivables.payments.plan.Instalments.Due;
import io.receivables.payments.plan.Instalments.Interval;

class InstalmentsTest {

    static final LocalDate FIRST = LocalDate.of(2027, 1, 31);

    @Test
    void theLastInstalmentAbsorbsWhatDoesNotDivideEvenlyInMinorUnits() {
        List<Due> due = Instalments.equal(new BigDecimal("100.00"), 3, FIRST, Interval.MONTHLY, 0, "EUR");

        assertThat(due).extracting(d -> d.amount().toPlainString()).containsExactly("33.33", "33.33", "33.34");
        assertThat(Instalments.sum(due)).isEqualByComparingTo("100.00");
    }

    @ParameterizedTest(name = "{0} {1} in {2} instalments: {3} each, the last {4}")
    @CsvSource({
            "1000,    JPY, 3,  333,    334",
            "0.05,    EUR, 3,  0.01,   0.03",
            "10.000,  BHD, 3,  3.333,  3.334",
            "1428.00, EUR, 12, 119.00, 119.00",
            "1428.01, EUR, 12, 119.00, 119.01",
            "99.99,   USD, 1,  99.99,  99.99",
            "0.59,    EUR, 60, 0.00,   0.59" })
    void everyCurrencyIsSplitInItsOwnMinorUnitsAndTheSumIsAlwaysExact(String amount, String currency, int count,
            String share, String last) {
        List<Due> due = Instalments.equal(new BigDecimal(amount), count, FIRST, Interval.WEEKLY, 0, currency);

        assertThat(due).hasSize(count);
        assertThat(due.subList(0, count - 1)).allSatisfy(d -> assertThat(d.amount().toPlainString()).isEqualTo(share));
        assertThat(due.getLast().amount().toPlainString()).isEqualTo(last);
        assertThat(Instalments.sum(due)).isEqualByComparingTo(amount);
        assertThat(due.getLast().amount().subtract(due.getFirst().amount()))
                .as("the last is larger by less than one minor unit per instalment")
                .isLessThan(new BigDecimal(count).movePointLeft(io.receivables.common.money.Currencies.minorUnits(
                        currency)));
    }

    @Test
    void monthlyInstalmentsCountFromTheFirstDateSoTheyNeverDriftToTheTwentyEighth() {
        List<Due> due = Instalments.equal(new BigDecimal("400.00"), 4, FIRST, Interval.MONTHLY, 0, "EUR");

        assertThat(due).extracting(Due::dueDate).containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28),
                LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30));
    }

    @Test
    void weeklyAndEveryKDaysIntervals() {
        assertThat(Instalments.equal(new BigDecimal("30.00"), 3, FIRST, Interval.WEEKLY, 0, "EUR"))
                .extracting(Due::dueDate)
                .containsExactly(FIRST, LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 14));
        assertThat(Instalments.equal(new BigDecimal("30.00"), 3, FIRST, Interval.DAYS, 10, "EUR"))
                .extracting(Due::dueDate)
                .containsExactly(FIRST, LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 20));
    }
}
