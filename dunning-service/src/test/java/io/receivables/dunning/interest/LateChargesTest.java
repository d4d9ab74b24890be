package io.receivables.dunning.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.dunning.interest.Jurisdiction.Compensation;
import io.receivables.dunning.interest.LateChargeQuote.CompensationStatus;
import io.receivables.dunning.interest.LateChargeQuote.InterestPeriod;

/**
 * The calculation to the cent, each expected figure computed by hand in the comment above it. Interest of a
 * sub-period = base x rate% x days / 36500 (actual/365); the total is rounded once, HALF_UP. The rates are the
 * shipped ones (src/main/resources/rates): ECB MRO 3.15 from 2024-12-18 and 2.15 from 2025-06-11; Basiszinssatz 3.62
 * (2024 H1), 3.37 (2024 H2), 2.27 (2025 H1), 1.27 (2025 H2).
 */
class LateChargesTest {

    static final Compensation FORTY_EUR = new Compensation(new BigDecimal("40.00"), "EUR");
    static final Jurisdiction DIRECTIVE = new Jurisdiction("EU", "Directive 2011/7/EU", RateKind.ECB_MRO,
            new BigDecimal("8"), Optional.of(FORTY_EUR));
    static final Jurisdiction GERMANY = new Jurisdiction("DE", "par. 288(2) BGB", RateKind.DE_BASISZINSSATZ,
            new BigDecimal("9"), Optional.of(FORTY_EUR));
    static final RateSchedule ECB = new RateSchedule(RateKind.ECB_MRO, List.of(
            point("2024-06-12", "4.25"), point("2024-09-18", "3.65"), point("2024-10-23", "3.40"),
            point("2024-12-18", "3.15"), point("2025-02-05", "2.90"), point("2025-06-11", "2.15")));
    static final RateSchedule BASISZINSSATZ = new RateSchedule(RateKind.DE_BASISZINSSATZ, List.of(
            point("2024-01-01", "3.62"), point("2024-07-01", "3.37"), point("2025-01-01", "2.27"),
            point("2025-07-01", "1.27")));

    @Test
    void theDirectiveDefaultIsTheEcbRateInForceOnTheFirstOfTheHalfYearPlusEightPoints() {
        // due 2025-01-31, assessed 2025-03-02: 1 Feb to 2 Mar = 28 + 2 = 30 days. The ECB rate in force on 2025-01-01
        // is 3.15 (from 2024-12-18; its changes of 2025-02-05 do not matter until 1 July): 11.15 %.
        // 10000.00 x 11.15 x 30 / 36500 = 3345000 / 36500 = 91.643835... -> 91.64; + 40.00 compensation = 131.64
        LateChargeQuote quote = LateCharges.quote(request("EUR", "2025-01-31", "2025-03-02", "10000.00"), DIRECTIVE,
                ECB);

        assertThat(quote.daysOverdue()).isEqualTo(30);
        assertThat(quote.periods()).containsExactly(new InterestPeriod(date("2025-02-01"), date("2025-03-02"), 30,
                date("2025-01-01"), new BigDecimal("3.15"), new BigDecimal("11.15"), new BigDecimal("10000.00"),
                new BigDecimal("91.643836")));
        assertThat(quote.interest()).isEqualByComparingTo("91.64");
        assertThat(quote.compensation()).isEqualByComparingTo("40.00");
        assertThat(quote.compensationStatus()).isEqualTo(CompensationStatus.CHARGED);
        assertThat(quote.total()).isEqualTo(new BigDecimal("131.64"));
    }

    @Test
    void germanyIsTheBasiszinssatzPlusNinePoints() {
        // the same invoice in Germany: 2.27 + 9 = 11.27 %. 10000.00 x 11.27 x 30 / 36500 = 3381000 / 36500
        // = 92.630137 -> 92.63 (the Directive default above: 91.64)
        LateChargeQuote quote = LateCharges.quote(request("EUR", "2025-01-31", "2025-03-02", "10000.00"), GERMANY,
                BASISZINSSATZ);

        assertThat(quote.periods()).singleElement().satisfies(p -> {
            assertThat(p.referenceRatePercent()).isEqualByComparingTo("2.27");
            assertThat(p.ratePercent()).isEqualByComparingTo("11.27");
        });
        assertThat(quote.interest()).isEqualTo(new BigDecimal("92.63"));
        assertThat(quote.total()).isEqualTo(new BigDecimal("132.63"));
    }

    @Test
    void theRateSwitchesOnFirstJulyInsideThePeriod() {
        // due 2025-06-15, assessed 2025-07-15, Germany, 5000.00 overdue:
        // 16 Jun to 30 Jun: 15 days at 2.27 + 9 = 11.27 %: 5000 x 11.27 x 15 / 36500 = 845250 / 36500 = 23.157534...
        // 1 Jul to 15 Jul: 15 days at 1.27 + 9 = 10.27 %: 5000 x 10.27 x 15 / 36500 = 770250 / 36500 = 21.102739...
        // total 1615500 / 36500 = 44.260273... -> 44.26
        LateChargeQuote quote = LateCharges.quote(request("EUR", "2025-06-15", "2025-07-15", "5000.00"), GERMANY,
                BASISZINSSATZ);

        assertThat(quote.periods()).containsExactly(
                new InterestPeriod(date("2025-06-16"), date("2025-06-30"), 15, date("2025-01-01"),
                        new BigDecimal("2.27"), new BigDecimal("11.27"), new BigDecimal("5000.00"),
                        new BigDecimal("23.157534")),
                new InterestPeriod(date("2025-07-01"), date("2025-07-15"), 15, date("2025-07-01"),
                        new BigDecimal("1.27"), new BigDecimal("10.27"), new BigDecimal("5000.00"),
                        new BigDecimal("21.102740")));
        assertThat(quote.interest()).isEqualTo(new BigDecimal("44.26"));
    }

    @Test
    void theDirectiveRateOfTheSecondHalfYearIsTheOneInForceOnFirstJuly() {
        // due 2025-06-29, assessed 2025-07-02, EU, 3650.00 overdue:
        // 30 Jun: 1 day at 3.15 + 8 = 11.15 %: 3650 x 11.15 x 1 / 36500 = 1.115
        // 1-2 Jul: 2 days at 2.15 (in force on 1 July since 2025-06-11) + 8 = 10.15 %: 3650 x 10.15 x 2 / 36500 = 2.03
        // 3.145 -> 3.15 (HALF_UP)
        LateChargeQuote quote = LateCharges.quote(request("EUR", "2025-06-29", "2025-07-02", "3650.00"), DIRECTIVE,
                ECB);

        assertThat(quote.periods()).extracting(InterestPeriod::ratePercent)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("11.15"), new BigDecimal("10.15"));
        assertThat(quote.interest()).isEqualTo(new BigDecimal("3.15"));
    }

    @Test
    void aLeapDayEarnsADayOfInterestAtOne365thOfTheRate() {
        // due 2024-02-27, assessed 2024-03-01: 28 Feb, 29 Feb, 1 Mar = 3 days at 3.62 + 9 = 12.62 %.
        // 36500.00 x 12.62 x 3 / 36500 = 37.86 (actual/365: the leap day is a day like any other, over 365)
        LateChargeQuote quote = LateCharges.quote(request("EUR", "2024-02-27", "2024-03-01", "36500.00"), GERMANY,
                BASISZINSSATZ);

        assertThat(quote.daysOverdue()).isEqualTo(3);
        assertThat(quote.interest()).isEqualTo(new BigDecimal("37.86"));
    }

    @Test
    void aWholeLeapYearEarns366Over365OfTheRate() {
        // due 2023-12-31, assessed 2024-12-31: 366 days. 1 Jan to 30 Jun: 182 days at 12.62 %; 1 Jul to 31 Dec:
        // 184 days at 12.37 %. 36500.00 x (12.62 x 182 + 12.37 x 184) / 36500 = 2296.84 + 2276.08 = 4572.92
        LateChargeQuote quote = LateCharges.quote(request("EUR", "2023-12-31", "2024-12-31", "36500.00"), GERMANY,
                BASISZINSSATZ);

        assertThat(quote.daysOverdue()).isEqualTo(366);
        assertThat(quote.periods()).extracting(InterestPeriod::days).containsExactly(182L, 184L);
        assertThat(quote.interest()).isEqualTo(new BigDecimal("4572.92"));
    }

    @Test
    void interestFollowsTheBalanceAsPartialPaymentsArrive() {
        // due 2025-03-31, assessed 2025-04-30, EU 11.15 %. 1000.00 overdue; 400.00 paid on 11 Apr; the rest on 21 Apr.
        // 1-10 Apr: 10 days on 1000.00: 111500 / 36500 = 3.054795
        // 11-20 Apr: 10 days on 600.00: 66900 / 36500 = 1.832877
        // 21-30 Apr: 10 days on 0.00: 0
        // total 178400 / 36500 = 4.887671... -> 4.89
        LateChargeRequest request = new LateChargeRequest("EUR", date("2025-03-31"), date("2025-04-30"), List.of(
                new BalanceChange(date("2025-03-31"), new BigDecimal("1000.00")),
                new BalanceChange(date("2025-04-11"), new BigDecimal("600.00")),
                new BalanceChange(date("2025-04-21"), new BigDecimal("0.00"))), null, false, false);

        LateChargeQuote quote = LateCharges.quote(request, DIRECTIVE, ECB);

        assertThat(quote.periods()).extracting(InterestPeriod::from, InterestPeriod::to, InterestPeriod::base,
                InterestPeriod::interest).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(date("2025-04-01"), date("2025-04-10"),
                                new BigDecimal("1000.00"), new BigDecimal("3.054795")),
                        org.assertj.core.groups.Tuple.tuple(date("2025-04-11"), date("2025-04-20"),
                                new BigDecimal("600.00"), new BigDecimal("1.832877")),
                        org.assertj.core.groups.Tuple.tuple(date("2025-04-21"), date("2025-04-30"),
                                new BigDecimal("0.00"), new BigDecimal("0.000000")));
        assertThat(quote.interest()).isEqualTo(new BigDecimal("4.89"));
    }

    @Test
    void aBalanceChangeAndAHalfYearBoundaryBothSplitThePeriod() {
        // due 2025-06-20, assessed 2025-07-10, Germany. 730.00 overdue, 365.00 from 5 Jul.
        // 21-30 Jun: 10 days on 730 at 11.27: 730 x 11.27 x 10 / 36500 = 2.254
        // 1-4 Jul: 4 days on 730 at 10.27: 730 x 10.27 x 4 / 36500 = 0.8216
        // 5-10 Jul: 6 days on 365 at 10.27: 365 x 10.27 x 6 / 36500 = 0.6162
        // 3.6918 -> 3.69
        LateChargeRequest request = new LateChargeRequest("EUR", date("2025-06-20"), date("2025-07-10"), List.of(
                new BalanceChange(date("2025-06-20"), new BigDecimal("730.00")),
                new BalanceChange(date("2025-07-05"), new BigDecimal("365.00"))), null, false, false);

        LateChargeQuote quote = LateCharges.quote(request, GERMANY, BASISZINSSATZ);

        assertThat(quote.periods()).extracting(InterestPeriod::days).containsExactly(10L, 4L, 6L);
        assertThat(quote.interest()).isEqualTo(new BigDecimal("3.69"));
    }

    @Test
    void onTheDueDateNothingIsCharged() {
        // zero days: no period, no interest, no compensation, no step fee
        LateChargeRequest request = new LateChargeRequest("EUR", date("2025-03-31"), date("2025-03-31"),
                List.of(new BalanceChange(date("2025-03-31"), new BigDecimal("1000.00"))), new BigDecimal("5.00"),
                false, false);

        LateChargeQuote quote = LateCharges.quote(request, DIRECTIVE, ECB);

        assertThat(quote.daysOverdue()).isZero();
        assertThat(quote.periods()).isEmpty();
        assertThat(quote.compensationStatus()).isEqualTo(CompensationStatus.NOT_OVERDUE);
        assertThat(quote.total()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void theTotalIsRoundedOnceNotPerDay() {
        // due 2025-02-28, assessed 2025-03-10: 10 days on 100.00 at 11.15 %.
        // per day 100 x 11.15 / 36500 = 0.030547...: rounded per day 0.03 x 10 = 0.30; rounded once
        // 111.5 / 365 = 0.305479... -> 0.31
        LateChargeQuote quote = LateCharges.quote(request("EUR", "2025-02-28", "2025-03-10", "100.00"), DIRECTIVE, ECB);

        assertThat(quote.interest()).isEqualTo(new BigDecimal("0.31"));
    }

    @Test
    void halfACentRoundsUp() {
        // a test schedule of 0 % + 7.3 points: 25.00 x 7.3 x 1 / 36500 = 0.005 exactly -> 0.01 (HALF_UP, not HALF_EVEN)
        Jurisdiction flat = new Jurisdiction("T", "test", RateKind.DE_BASISZINSSATZ, new BigDecimal("7.3"),
                Optional.empty());
        RateSchedule zero = new RateSchedule(RateKind.DE_BASISZINSSATZ, List.of(point("2025-01-01", "0")));

        LateChargeQuote quote = LateCharges.quote(request("EUR", "2025-03-01", "2025-03-02", "25.00"), flat, zero);

        assertThat(quote.periods()).singleElement().extracting(InterestPeriod::interest)
                .isEqualTo(new BigDecimal("0.005000"));
        assertThat(quote.interest()).isEqualTo(new BigDecimal("0.01"));
        assertThat(quote.compensationStatus()).isEqualTo(CompensationStatus.NOT_CONFIGURED);
    }

    @Test
    void aCurrencyWithoutMinorUnitsRoundsToWholeUnitsAndGetsNoEuroCompensation() {
        // 100000 JPY, 30 days at 11.15 %: 100000 x 11.15 x 30 / 36500 = 916.438... -> 916
        LateChargeQuote quote = LateCharges.quote(request("JPY", "2025-01-31", "2025-03-02", "100000"), DIRECTIVE,
                ECB);

        assertThat(quote.interest()).isEqualTo(new BigDecimal("916"));
        assertThat(quote.compensationStatus()).isEqualTo(CompensationStatus.OTHER_CURRENCY);
        assertThat(quote.total()).isEqualTo(new BigDecimal("916"));
    }

    @Test
    void theCompensationIsChargedOncePerInvoiceAndTheStepFeeEachTime() {
        // 30 days on 10000.00 at 11.15 %: 91.64 (above); step fee 5.00; compensation 40.00 the first time only
        LateChargeRequest first = new LateChargeRequest("EUR", date("2025-01-31"), date("2025-03-02"),
                List.of(new BalanceChange(date("2025-01-31"), new BigDecimal("10000.00"))), new BigDecimal("5.00"),
                false, false);
        LateChargeRequest again = new LateChargeRequest("EUR", date("2025-01-31"), date("2025-03-02"),
                first.balances(), new BigDecimal("5.00"), true, false);

        LateChargeQuote firstQuote = LateCharges.quote(first, DIRECTIVE, ECB);
        LateChargeQuote laterQuote = LateCharges.quote(again, DIRECTIVE, ECB);

        assertThat(firstQuote.total()).isEqualTo(new BigDecimal("136.64"));
        assertThat(laterQuote.compensation()).isEqualTo(new BigDecimal("0.00"));
        assertThat(laterQuote.compensationStatus()).isEqualTo(CompensationStatus.ALREADY_CHARGED);
        assertThat(laterQuote.total()).isEqualTo(new BigDecimal("96.64"));
    }

    @Test
    void aFeeInvoiceIsChargedNothing() {
        LateChargeRequest request = new LateChargeRequest("EUR", date("2025-01-31"), date("2025-03-02"),
                List.of(new BalanceChange(date("2025-01-31"), new BigDecimal("40.00"))), new BigDecimal("5.00"),
                false, true);

        LateChargeQuote quote = LateCharges.quote(request, DIRECTIVE, ECB);

        assertThat(quote.feeInvoice()).isTrue();
        assertThat(quote.periods()).isEmpty();
        assertThat(quote.compensationStatus()).isEqualTo(CompensationStatus.FEE_INVOICE);
        assertThat(quote.total()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aHalfYearWithoutItsBasiszinssatzIsRefusedNotCarriedForward() {
        // 2026 H1 has no row: the 2025 H2 rate is not silently reused
        assertThatThrownBy(() -> LateCharges.quote(request("EUR", "2025-12-20", "2026-01-10", "100.00"), GERMANY,
                BASISZINSSATZ)).isInstanceOf(MissingReferenceRateException.class)
                .hasMessageContaining("2026-01-01");
    }

    @Test
    void inconsistentInputIsRefusedNamingEachField() {
        LateChargeRequest request = new LateChargeRequest("EUR", date("2025-03-31"), date("2025-03-30"), List.of(
                new BalanceChange(date("2025-04-05"), new BigDecimal("10.001")),
                new BalanceChange(date("2025-04-05"), new BigDecimal("-1.00"))), new BigDecimal("0.5"), false, false);

        assertThatThrownBy(() -> LateCharges.quote(request, DIRECTIVE, ECB)).isInstanceOfSatisfying(
                ProblemException.class,
                problem -> assertThat(problem.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                        "assessmentDate", "balances[0].from", "balances[0].from", "balances[0].amount",
                        "balances[1].from", "balances[1].from", "balances[1].amount"));
    }

    @Test
    void theFirstBalanceMustCoverTheFirstDayOfInterest() {
        LateChargeRequest request = new LateChargeRequest("EUR", date("2025-03-31"), date("2025-04-30"),
                List.of(new BalanceChange(date("2025-04-02"), new BigDecimal("10.00"))), null, false, false);

        assertThatThrownBy(() -> LateCharges.quote(request, DIRECTIVE, ECB)).isInstanceOfSatisfying(
                ProblemException.class, problem -> assertThat(problem.errors()).extracting(FieldError::field)
                        .containsExactly("balances[0].from"));
    }

    static LateChargeRequest request(String currency, String due, String assessed, String overdue) {
        return new LateChargeRequest(currency, date(due), date(assessed),
                List.of(new BalanceChange(date(due), new BigDecimal(overdue))), null, false, false);
    }

    static RatePoint point(String from, String percent) {
        return new RatePoint(date(from), new BigDecimal(percent));
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
