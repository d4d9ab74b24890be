package io.receivables.payments.matching.config;

import java.math.BigDecimal;

import io.receivables.payments.matching.MatchingSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How cash application decides (docs/payments.md#cash-application). */
@ConfigMapping(prefix = "receivables.payments.matching")
public interface MatchingConfig {

    /** For money no rule matched: OLDEST_FIRST applies it oldest due first, LEAVE_UNAPPLIED keeps it as credit. */
    @WithDefault("LEAVE_UNAPPLIED")
    MatchingSettings.UnmatchedPolicy policy();

    /** Below this confidence (0 to 1) nothing is applied automatically and the payment waits for review. */
    @WithDefault("0.60")
    BigDecimal confidenceThreshold();

    /** The most invoices one payment is matched to by their sum. */
    @WithDefault("5")
    int maxCombination();

    /** How many partial sets the sum search may visit before it gives up (bounded time per payment). */
    @WithDefault("200000")
    int searchBudget();

    default MatchingSettings settings() {
        return new MatchingSettings(policy(), confidenceThreshold(), maxCombination(), searchBudget());
    }
}
