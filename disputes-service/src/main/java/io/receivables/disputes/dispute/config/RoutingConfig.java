package io.receivables.disputes.dispute.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.receivables.disputes.dispute.ReasonCode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which team (and optionally which owner) a new dispute goes to: the first rule that matches its reason code and
 * amount, else the default team (docs/disputes.md#routing). E.g.
 *
 * <pre>
 * receivables.disputes.routing.default-team=collections
 * receivables.disputes.routing.rules[0].reason-codes=PRICING,CONTRACT_TERMS
 * receivables.disputes.routing.rules[0].min-amount=10000
 * receivables.disputes.routing.rules[0].team=key-accounts
 * receivables.disputes.routing.rules[0].owner=m.keller
 * </pre>
 */
@ConfigMapping(prefix = "receivables.disputes.routing")
public interface RoutingConfig {

    /** The team of a dispute no rule matches. */
    @WithDefault("collections")
    String defaultTeam();

    /** Tried in order; the first that matches routes the dispute. */
    List<Rule> rules();

    interface Rule {

        /** The reason codes it applies to; none: every reason code. */
        Optional<List<ReasonCode>> reasonCodes();

        /** Only disputes of at least this amount (in the dispute's currency); none: any amount. */
        Optional<BigDecimal> minAmount();

        /** Only disputes in this currency (ISO 4217); none: any currency. */
        Optional<String> currency();

        String team();

        /** Who gets it at once; none: it waits unassigned in the team's queue. */
        Optional<String> owner();
    }
}
