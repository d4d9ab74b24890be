package io.receivables.payments.matching;

import java.math.BigDecimal;

/**
 * How cash application decides: the policy for money no rule matched, the confidence below which nothing is applied
 * automatically, the largest set of invoices one payment is matched to by its sum, and how many partial sets that
 * search may look at (so that a customer with thousands of open invoices costs a bounded time).
 */
public record MatchingSettings(UnmatchedPolicy policy, BigDecimal threshold, int maxCombination, int searchBudget) {

    public enum UnmatchedPolicy {
        /** Oldest due first, as far as the money goes. */
        OLDEST_FIRST,
        /** Leave it as unapplied cash on the customer's account. */
        LEAVE_UNAPPLIED
    }

    public static MatchingSettings defaults() {
        return new MatchingSettings(UnmatchedPolicy.LEAVE_UNAPPLIED, new BigDecimal("0.60"), 5, 200_000);
    }
}
