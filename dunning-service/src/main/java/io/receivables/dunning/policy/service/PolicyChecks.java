package io.receivables.dunning.policy.service;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.dunning.template.Channel;

/**
 * The rules a policy must keep to be saved, each broken one named by its field ({@code steps[2].offsetDays}):
 * docs/dunning.md#policies.
 */
public final class PolicyChecks {

    public static final int MAX_STEPS = 10;
    public static final int MIN_OFFSET = -60;
    public static final int MAX_OFFSET = 365;
    public static final String TEMPLATE_KEY = "^[a-z0-9][a-z0-9-]{0,63}$";

    private PolicyChecks() {
    }

    /** The rules that need nothing but the definition. */
    public static void shape(PolicyDefinition policy, List<FieldError> errors) {
        if (policy.name() == null || policy.name().isBlank()) {
            errors.add(new FieldError("name", "required"));
        }
        boolean currencyKnown = policy.currency() != null && Currencies.isIssuable(policy.currency());
        if (policy.currency() == null) {
            errors.add(new FieldError("currency", "required: the ISO 4217 code the steps' amounts are in"));
        } else if (!currencyKnown) {
            errors.add(new FieldError("currency", "'" + policy.currency() + "' is not an ISO 4217 currency code"));
        }
        List<PolicyDefinition.Step> steps = policy.steps();
        if (steps == null || steps.isEmpty()) {
            errors.add(new FieldError("steps", "a policy has at least one step"));
            return;
        }
        if (steps.size() > MAX_STEPS) {
            errors.add(new FieldError("steps", "a policy has at most " + MAX_STEPS + " steps, not " + steps.size()));
            return;
        }
        Integer previous = null;
        for (int i = 0; i < steps.size(); i++) {
            String at = "steps[" + i + "]";
            PolicyDefinition.Step step = steps.get(i);
            if (step == null) {
                errors.add(new FieldError(at, "required"));
                continue;
            }
            if (step.offsetDays() == null) {
                errors.add(new FieldError(at + ".offsetDays", "required: days after the due date (negative: before)"));
            } else if (step.offsetDays() < MIN_OFFSET || step.offsetDays() > MAX_OFFSET) {
                errors.add(new FieldError(at + ".offsetDays", "must be from " + MIN_OFFSET + " to " + MAX_OFFSET
                        + " days, not " + step.offsetDays()));
            } else if (previous != null && step.offsetDays() <= previous) {
                errors.add(new FieldError(at + ".offsetDays", "must be greater than steps[" + (i - 1)
                        + "].offsetDays (" + previous + "): steps are in strictly increasing offset order"));
            }
            if (step.offsetDays() != null) {
                previous = step.offsetDays();
            }
            channels(step.channels(), at, errors);
            amount(step.minimumOverdue(), at + ".minimumOverdue", currencyKnown ? policy.currency() : null,
                    errors);
            amount(step.fee(), at + ".fee.amount", currencyKnown ? policy.currency() : null, errors);
        }
    }

    /** Each channel's template key must exist for that channel in the template store. */
    public static void templates(PolicyDefinition policy, Map<Channel, Set<String>> available,
            List<FieldError> errors) {
        for (int i = 0; i < policy.steps().size(); i++) {
            List<PolicyDefinition.ChannelTemplate> channels = policy.steps().get(i).channels();
            for (int j = 0; j < channels.size(); j++) {
                PolicyDefinition.ChannelTemplate channel = channels.get(j);
                if (!available.get(channel.channel()).contains(channel.templateKey())) {
                    errors.add(new FieldError("steps[" + i + "].channels[" + j + "].templateKey", "no template '"
                            + channel.templateKey() + "' exists for " + channel.channel()
                            + " (GET /templates lists them)"));
                }
            }
        }
    }

    private static void channels(List<PolicyDefinition.ChannelTemplate> channels, String at,
            List<FieldError> errors) {
        if (channels == null || channels.isEmpty()) {
            errors.add(new FieldError(at + ".channels", "a step sends on at least one channel"));
            return;
        }
        Set<Channel> seen = EnumSet.noneOf(Channel.class);
        for (int j = 0; j < channels.size(); j++) {
            String field = at + ".channels[" + j + "]";
            PolicyDefinition.ChannelTemplate channel = channels.get(j);
            if (channel == null) {
                errors.add(new FieldError(field, "required"));
                continue;
            }
            if (channel.channel() == null) {
                errors.add(new FieldError(field + ".channel", "required: one of " + List.of(Channel.values())));
            } else if (!seen.add(channel.channel())) {
                errors.add(new FieldError(field + ".channel", channel.channel()
                        + " is named twice in this step; a step sends once per channel"));
            }
            if (channel.templateKey() == null) {
                errors.add(new FieldError(field + ".templateKey", "required"));
            } else if (!channel.templateKey().matches(TEMPLATE_KEY)) {
                errors.add(new FieldError(field + ".templateKey",
                        "must be 1 to 64 lower-case letters, digits and dashes, e.g. reminder-1"));
            }
        }
    }

    private static void amount(BigDecimal amount, String field, String currency, List<FieldError> errors) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        } else if (currency != null && amount.stripTrailingZeros().scale() > Currencies.minorUnits(currency)) {
            errors.add(new FieldError(field, "has more decimals than " + currency + "'s "
                    + Currencies.minorUnits(currency)));
        } else if (amount.compareTo(new BigDecimal("1000000000")) >= 0) {
            errors.add(new FieldError(field, "must be less than 1000000000"));
        }
    }
}
