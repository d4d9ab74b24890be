package io.receivables.dunning.interest.rest;

import java.time.Instant;
import java.time.LocalDate;

import io.receivables.common.money.DecimalStrings;
import io.receivables.dunning.interest.RateKind;
import io.receivables.dunning.interest.ReferenceRate;

public record ReferenceRateResponse(RateKind kind, LocalDate validFrom, String ratePercent, String source,
        Instant updatedAt, long version) {

    static ReferenceRateResponse of(ReferenceRate rate) {
        // the same text whether it came from the request or the NUMERIC(7, 4) column
        return new ReferenceRateResponse(rate.id.kind, rate.id.validFrom,
                DecimalStrings.format(rate.ratePercent.stripTrailingZeros().setScale(
                        Math.max(2, rate.ratePercent.stripTrailingZeros().scale()))),
                rate.source, rate.updatedAt, rate.version);
    }
}
