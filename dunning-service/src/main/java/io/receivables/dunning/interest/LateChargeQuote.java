package io.receivables.dunning.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an overdue invoice owes on the assessment date, with every figure a controller needs to recompute it: the
 * interest of each sub-period (one rate, one base), the fixed step fee and the compensation.
 *
 * @param daysOverdue days from the day after the due date to the assessment date, both included
 * @param interest the sum of the sub-periods' exact interest, rounded once, HALF_UP, to the currency's minor unit
 * @param total interest + stepFee + compensation
 */
public record LateChargeQuote(String jurisdiction, String currency, LocalDate dueDate, LocalDate assessmentDate,
        long daysOverdue, RateKind rateKind, BigDecimal marginPercent, List<InterestPeriod> periods,
        BigDecimal interest, BigDecimal stepFee, BigDecimal compensation, CompensationStatus compensationStatus,
        BigDecimal total, boolean feeInvoice) {

    /** Whether the fixed compensation is part of this quote, and if not why. */
    public enum CompensationStatus {
        CHARGED,
        ALREADY_CHARGED,
        NOT_CONFIGURED,
        NOT_OVERDUE,
        OTHER_CURRENCY,
        FEE_INVOICE
    }

    /**
     * Days {@code from} to {@code to} (both included) on {@code base} at {@code ratePercent} =
     * {@code referenceRatePercent} (fixed for the half-year starting {@code rateFixedFor}) + the margin. {@code interest}
     * = base x ratePercent / 100 x days / 365, shown to 6 decimal places; the quote's total uses the exact value.
     */
    public record InterestPeriod(LocalDate from, LocalDate to, long days, LocalDate rateFixedFor,
            BigDecimal referenceRatePercent, BigDecimal ratePercent, BigDecimal base, BigDecimal interest) {
    }
}
