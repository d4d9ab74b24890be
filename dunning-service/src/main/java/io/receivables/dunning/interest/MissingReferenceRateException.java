package io.receivables.dunning.interest;

import java.time.LocalDate;

/** No reference rate of {@code kind} is recorded for the half-year starting {@code halfYearStart}. */
public class MissingReferenceRateException extends RuntimeException {

    private final RateKind kind;
    private final LocalDate halfYearStart;

    public MissingReferenceRateException(RateKind kind, LocalDate halfYearStart) {
        super("No " + kind + " reference rate is recorded for the half-year from " + halfYearStart
                + (kind.halfYearly() ? "" : " (none in force on that day)")
                + "; an ar-admin adds it with PUT /interest/reference-rates/" + kind + "/{validFrom}");
        this.kind = kind;
        this.halfYearStart = halfYearStart;
    }

    public RateKind kind() {
        return kind;
    }

    public LocalDate halfYearStart() {
        return halfYearStart;
    }
}
