package io.receivables.dunning.interest.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.dunning.interest.LateChargeQuote;
import io.receivables.dunning.interest.LateChargeQuote.CompensationStatus;
import io.receivables.dunning.interest.RateKind;

/** A quote with every figure needed to recompute it (docs/dunning.md#fees-and-statutory-interest). */
public record QuoteResponse(String jurisdiction, String currency, LocalDate dueDate, LocalDate assessmentDate,
        long daysOverdue, RateKind referenceRate, String marginPercent,
        @Schema(description = "Each day earns 1/365 of the annual rate, in leap years too") String dayCount,
        List<Period> periods,
        @Schema(description = "The sum of the periods' exact interest, rounded once HALF_UP to the currency's minor unit") String interest,
        String stepFee, String compensation, CompensationStatus compensationStatus,
        @Schema(description = "interest + stepFee + compensation") String total, boolean feeInvoice) {

    /** Days {@code from} to {@code to}, both included, on one base at one rate. */
    @Schema(name = "QuotePeriod")
    public record Period(LocalDate from, LocalDate to, long days,
            @Schema(description = "The first day of the half-year whose reference rate applies") LocalDate rateFixedFor,
            String referenceRatePercent,
            @Schema(description = "referenceRatePercent + the margin (never below 0)") String ratePercent,
            String base,
            @Schema(description = "base x ratePercent / 100 x days / 365, to 6 decimal places (unrounded in the total)") String interest) {
    }

    static QuoteResponse of(LateChargeQuote quote) {
        String currency = quote.currency();
        return new QuoteResponse(quote.jurisdiction(), currency, quote.dueDate(), quote.assessmentDate(),
                quote.daysOverdue(), quote.rateKind(), plain(quote.marginPercent()), "ACTUAL_365",
                quote.periods().stream().map(p -> new Period(p.from(), p.to(), p.days(), p.rateFixedFor(),
                        plain(p.referenceRatePercent()), plain(p.ratePercent()), Currencies.format(p.base(), currency),
                        DecimalStrings.format(p.interest()))).toList(),
                Currencies.format(quote.interest(), currency), Currencies.format(quote.stepFee(), currency),
                Currencies.format(quote.compensation(), currency), quote.compensationStatus(),
                Currencies.format(quote.total(), currency), quote.feeInvoice());
    }

    /** A rate as people write it: 8, 11.15, -0.88. */
    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return DecimalStrings.format(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }
}
