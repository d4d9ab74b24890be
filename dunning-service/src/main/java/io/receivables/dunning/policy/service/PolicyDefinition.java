package io.receivables.dunning.policy.service;

import java.math.BigDecimal;
import java.util.List;

import io.receivables.dunning.policy.Escalation;
import io.receivables.dunning.template.Channel;

/**
 * What a policy is made of, as a caller defines it (create, or the next version). Amounts are in {@code currency}.
 * Fields may be null here: {@link PolicyChecks} names each missing one.
 */
public record PolicyDefinition(String name, String description, String currency, List<Step> steps) {

    /** One step; {@code fee} null: no fixed fee; {@code escalation} null: none. */
    public record Step(Integer offsetDays, List<ChannelTemplate> channels, BigDecimal minimumOverdue, BigDecimal fee,
            boolean assessInterest, Escalation escalation) {
    }

    /** A channel of a step and the template key it sends there. */
    public record ChannelTemplate(Channel channel, String templateKey) {
    }
}
