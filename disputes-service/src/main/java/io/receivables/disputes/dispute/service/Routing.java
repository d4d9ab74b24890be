package io.receivables.disputes.dispute.service;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.disputes.dispute.ReasonCode;
import io.receivables.disputes.dispute.config.RoutingConfig;

/** Chooses a new dispute's team and owner by the configured rules (RoutingConfig): the first that matches wins. */
@ApplicationScoped
public class Routing {

    /** Where a dispute goes: a team, and an owner or null (unassigned, in the team's queue). */
    public record Route(String team, String owner) {
    }

    private final RoutingConfig config;

    @Inject
    public Routing(RoutingConfig config) {
        this.config = config;
    }

    public Route route(ReasonCode reason, BigDecimal amount, String currency) {
        return route(config.defaultTeam(), config.rules(), reason, amount, currency);
    }

    static Route route(String defaultTeam, List<RoutingConfig.Rule> rules, ReasonCode reason, BigDecimal amount,
            String currency) {
        for (RoutingConfig.Rule rule : rules) {
            boolean reasonMatches = rule.reasonCodes().map(codes -> codes.contains(reason)).orElse(true);
            boolean amountMatches = rule.minAmount().map(min -> amount.compareTo(min) >= 0).orElse(true);
            boolean currencyMatches = rule.currency().map(currency::equals).orElse(true);
            if (reasonMatches && amountMatches && currencyMatches) {
                return new Route(rule.team(), rule.owner().orElse(null));
            }
        }
        return new Route(defaultTeam, null);
    }
}
