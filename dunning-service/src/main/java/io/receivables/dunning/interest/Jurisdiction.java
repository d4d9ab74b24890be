package io.receivables.dunning.interest;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The statutory late-payment rules of a jurisdiction: interest at the reference rate of {@code rateKind} fixed for each
 * half-year plus {@code marginPercent} percentage points, and optionally a fixed compensation for recovery costs,
 * charged once per invoice (par. 288(5) BGB, Art. 6 of Directive 2011/7/EU).
 */
public record Jurisdiction(String code, String description, RateKind rateKind, BigDecimal marginPercent,
        Optional<Compensation> compensation) {

    /** A fixed amount in one currency (the Directive's 40 EUR); not converted into other currencies. */
    public record Compensation(BigDecimal amount, String currency) {
    }
}
