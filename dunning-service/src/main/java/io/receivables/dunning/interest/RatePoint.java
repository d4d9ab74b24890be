package io.receivables.dunning.interest;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of a reference rate series: {@code percent} per year from {@code validFrom}. */
public record RatePoint(LocalDate validFrom, BigDecimal percent) {
}
