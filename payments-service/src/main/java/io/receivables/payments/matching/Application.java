package io.receivables.payments.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * What cash application decided for a payment: the allocations to make (none when it waits for review), the amount
 * left as unapplied cash, and, for review, why.
 */
public record Application(List<Match> matches, BigDecimal unapplied, boolean review, String reviewReason) {

    public Application {
        matches = List.copyOf(matches);
    }
}
