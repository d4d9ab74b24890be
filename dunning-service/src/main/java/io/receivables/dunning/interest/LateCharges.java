package io.receivables.dunning.interest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.receivables.common.limits.BusinessDates;
import io.receivables.common.limits.NumericColumn;
import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.dunning.interest.LateChargeQuote.CompensationStatus;
import io.receivables.dunning.interest.LateChargeQuote.InterestPeriod;

/**
 * The late-payment charges of one overdue invoice: statutory interest, the step's fixed fee and the fixed compensation
 * (docs/dunning.md#fees-and-statutory-interest). Pure: the rates and the jurisdiction are given, nothing is read or
 * written.
 * <p>
 * Interest is simple and accrues per day from the day after the due date up to and including the assessment date, on
 * the overdue amount of that day, at the reference rate fixed for the day's half-year plus the margin, day count
 * actual/365: every day earns 1/365 of the annual rate, in a leap year too (so 29 February earns a day like any
 * other, and a whole leap year earns 366/365 of the rate). The period is split wherever the rate (1 January,
 * 1 July) or the balance changes; each sub-period's interest is exact (base x rate x days / 36500, a quotient carried
 * to 20 decimal places) and the total is rounded once, HALF_UP to the currency's minor unit, never per day or per
 * sub-period.
 */
public final class LateCharges {

    /** Days of the actual/365 year. */
    private static final BigDecimal YEAR_DAYS = BigDecimal.valueOf(365);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Amounts as the database keeps them: NUMERIC(19, 4). */
    private static final NumericColumn AMOUNT = new NumericColumn(19, 4);
    private static final int EXACT_SCALE = 20;
    private static final int SHOWN_SCALE = 6;

    private LateCharges() {
    }

    /**
     * The quote for {@code request} under {@code jurisdiction} with the reference rates of its kind.
     *
     * @throws ProblemException 400 naming the field when the request is inconsistent
     * @throws MissingReferenceRateException when a half-year of the period has no reference rate
     */
    public static LateChargeQuote quote(LateChargeRequest request, Jurisdiction jurisdiction, RateSchedule rates) {
        if (rates.kind() != jurisdiction.rateKind()) {
            throw new IllegalArgumentException("Jurisdiction " + jurisdiction.code() + " uses " + jurisdiction.rateKind()
                    + " rates, not " + rates.kind());
        }
        validate(request);
        String currency = request.currency();
        BigDecimal zero = Currencies.round(BigDecimal.ZERO, currency);
        LocalDate firstDay = request.dueDate().plusDays(1);
        long daysOverdue = ChronoUnit.DAYS.between(request.dueDate(), request.assessmentDate());

        if (request.feeInvoice()) {
            // a fee invoice is never charged interest or fees: a quote of zero, so that a run assesses nothing
            return new LateChargeQuote(jurisdiction.code(), currency, request.dueDate(), request.assessmentDate(),
                    daysOverdue, jurisdiction.rateKind(), jurisdiction.marginPercent(), List.of(), zero, zero, zero,
                    CompensationStatus.FEE_INVOICE, zero, true);
        }

        List<InterestPeriod> periods = new ArrayList<>();
        BigDecimal exactInterest = BigDecimal.ZERO;
        LocalDate day = firstDay;
        while (!day.isAfter(request.assessmentDate())) {
            LocalDate halfYear = RateSchedule.halfYearStart(day);
            LocalDate end = min(halfYear.plusMonths(6).minusDays(1), request.assessmentDate());
            int change = balanceIndex(request.balances(), day);
            if (change + 1 < request.balances().size()) {
                end = min(end, request.balances().get(change + 1).from().minusDays(1));
            }
            long days = ChronoUnit.DAYS.between(day, end) + 1;
            RatePoint reference = rates.fixedFor(halfYear)
                    .orElseThrow(() -> new MissingReferenceRateException(rates.kind(), halfYear));
            // a negative total rate (a deeply negative reference rate) charges nothing rather than paying the debtor
            BigDecimal rate = reference.percent().add(jurisdiction.marginPercent()).max(BigDecimal.ZERO);
            BigDecimal base = request.balances().get(change).amount();
            BigDecimal interest = base.multiply(rate).multiply(BigDecimal.valueOf(days))
                    .divide(HUNDRED.multiply(YEAR_DAYS), EXACT_SCALE, RoundingMode.HALF_UP);
            exactInterest = exactInterest.add(interest);
            periods.add(new InterestPeriod(day, end, days, halfYear, reference.percent(), rate, base,
                    interest.setScale(SHOWN_SCALE, RoundingMode.HALF_UP)));
            day = end.plusDays(1);
        }

        BigDecimal interest = Currencies.round(exactInterest, currency);
        // nothing is charged for an invoice not yet overdue (a reminder before or on the due date)
        BigDecimal stepFee = request.stepFee() == null || daysOverdue < 1 ? zero
                : Currencies.round(request.stepFee(), currency);
        CompensationStatus status = compensationStatus(request, jurisdiction, daysOverdue);
        BigDecimal compensation = status == CompensationStatus.CHARGED
                ? Currencies.round(jurisdiction.compensation().orElseThrow().amount(), currency)
                : zero;
        return new LateChargeQuote(jurisdiction.code(), currency, request.dueDate(), request.assessmentDate(),
                daysOverdue, jurisdiction.rateKind(), jurisdiction.marginPercent(), List.copyOf(periods), interest,
                stepFee, compensation, status, interest.add(stepFee).add(compensation), false);
    }

    private static CompensationStatus compensationStatus(LateChargeRequest request, Jurisdiction jurisdiction,
            long daysOverdue) {
        if (jurisdiction.compensation().isEmpty()) {
            return CompensationStatus.NOT_CONFIGURED;
        }
        if (request.compensationAlreadyCharged()) {
            return CompensationStatus.ALREADY_CHARGED;
        }
        if (daysOverdue < 1) {
            return CompensationStatus.NOT_OVERDUE;
        }
        if (!jurisdiction.compensation().get().currency().equals(request.currency())) {
            return CompensationStatus.OTHER_CURRENCY;
        }
        return CompensationStatus.CHARGED;
    }

    /** The index of the balance change in force on {@code day}: the last one dated on or before it. */
    private static int balanceIndex(List<BalanceChange> balances, LocalDate day) {
        int index = 0;
        for (int i = 0; i < balances.size(); i++) {
            if (!balances.get(i).from().isAfter(day)) {
                index = i;
            }
        }
        return index;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Every inconsistency of {@code request} at once, each naming its field as the API's body names it. */
    static void validate(LateChargeRequest request) {
        List<FieldError> errors = new ArrayList<>();
        boolean knownCurrency = Currencies.isIssuable(request.currency());
        if (!knownCurrency) {
            errors.add(new FieldError("currency", "is not an ISO 4217 currency an invoice can be issued in"));
        }
        date("dueDate", request.dueDate(), errors);
        date("assessmentDate", request.assessmentDate(), errors);
        boolean datesValid = errors.stream().noneMatch(e -> e.field().endsWith("Date"));
        if (datesValid && request.assessmentDate().isBefore(request.dueDate())) {
            errors.add(new FieldError("assessmentDate", "must not be before dueDate (" + request.dueDate() + ")"));
        }
        if (request.balances().isEmpty()) {
            errors.add(new FieldError("balances", "must name the overdue amount from the due date on"));
        }
        LocalDate previous = null;
        for (int i = 0; i < request.balances().size(); i++) {
            BalanceChange change = request.balances().get(i);
            String field = "balances[" + i + "]";
            if (date(field + ".from", change.from(), errors)) {
                if (previous != null && !change.from().isAfter(previous)) {
                    errors.add(new FieldError(field + ".from", "must be after the previous change (" + previous
                            + "): changes are in date order, one per day"));
                }
                if (i == 0 && datesValid && change.from().isAfter(request.dueDate().plusDays(1))) {
                    errors.add(new FieldError(field + ".from", "must be on or before "
                            + request.dueDate().plusDays(1) + ", the first day of interest, so that every day has"
                            + " an overdue amount"));
                }
                if (datesValid && change.from().isAfter(request.assessmentDate())) {
                    errors.add(new FieldError(field + ".from", "must not be after assessmentDate ("
                            + request.assessmentDate() + ")"));
                }
                previous = change.from();
            }
            amount(field + ".amount", change.amount(), knownCurrency ? request.currency() : null, errors);
        }
        if (request.stepFee() != null) {
            amount("stepFee", request.stepFee(), knownCurrency ? request.currency() : null, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static boolean date(String field, LocalDate date, List<FieldError> errors) {
        if (date == null) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        if (!BusinessDates.inRange(date)) {
            errors.add(new FieldError(field, BusinessDates.RANGE_MESSAGE));
            return false;
        }
        return true;
    }

    private static void amount(String field, BigDecimal amount, String currency, List<FieldError> errors) {
        if (amount == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (amount.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        } else if (currency != null && amount.stripTrailingZeros().scale() > Currencies.minorUnits(currency)) {
            errors.add(new FieldError(field, "must have at most " + Currencies.minorUnits(currency)
                    + " decimal places, as " + currency + " has"));
        } else {
            AMOUNT.check(field, amount, errors);
        }
    }
}
