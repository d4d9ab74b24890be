package io.receivables.disputes.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.receivables.disputes.dispute.config.RoutingConfig;
import io.receivables.disputes.dispute.service.Routing;

/** The first rule that matches reason code, amount and currency routes a dispute; none: the default team. */
class RoutingTest {

    static final List<RoutingConfig.Rule> RULES = List.of(
            rule(List.of(ReasonCode.PRICING), "10000", null, "key-accounts", "m.keller"),
            rule(List.of(ReasonCode.PRICING, ReasonCode.QUANTITY), null, "GBP", "uk-billing", null),
            rule(List.of(ReasonCode.PRICING), null, null, "billing", null),
            rule(null, "50000", null, "large-claims", null));

    @Test
    void theFirstMatchingRuleWinsAndTheDefaultTeamTakesTheRest() {
        assertThat(route(ReasonCode.PRICING, "10000.00", "EUR")).isEqualTo(new Routing.Route("key-accounts", "m.keller"));
        assertThat(route(ReasonCode.PRICING, "9999.99", "GBP")).isEqualTo(new Routing.Route("uk-billing", null));
        assertThat(route(ReasonCode.PRICING, "9999.99", "EUR")).isEqualTo(new Routing.Route("billing", null));
        assertThat(route(ReasonCode.QUANTITY, "10.00", "EUR")).isEqualTo(new Routing.Route("collections", null));
        assertThat(route(ReasonCode.OTHER, "50000.00", "EUR")).as("a rule without reason codes takes any")
                .isEqualTo(new Routing.Route("large-claims", null));
    }

    private static Routing.Route route(ReasonCode reason, String amount, String currency) {
        return new Routing(new Config()).route(reason, new BigDecimal(amount), currency);
    }

    static RoutingConfig.Rule rule(List<ReasonCode> reasons, String minAmount, String currency, String team,
            String owner) {
        return new RoutingConfig.Rule() {
            @Override
            public Optional<List<ReasonCode>> reasonCodes() {
                return Optional.ofNullable(reasons);
            }

            @Override
            public Optional<BigDecimal> minAmount() {
                return Optional.ofNullable(minAmount).map(BigDecimal::new);
            }

            @Override
            public Optional<String> currency() {
                return Optional.ofNullable(currency);
            }

            @Override
            public String team() {
                return team;
            }

            @Override
            public Optional<String> owner() {
                return Optional.ofNullable(owner);
            }
        };
    }

    static final class Config implements RoutingConfig {
        @Override
        public String defaultTeam() {
            return "collections";
        }

        @Override
        public List<Rule> rules() {
            return RULES;
        }
    }
}
