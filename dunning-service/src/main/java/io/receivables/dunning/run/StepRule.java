package io.receivables.dunning.run;

import java.math.BigDecimal;
import java.util.Map;

import io.receivables.dunning.policy.Escalation;
import io.receivables.dunning.template.Channel;

/**
 * A policy step as the run applies it: from {@code offsetDays} after an invoice's due date, for at least
 * {@code minimumOverdue} (in the policy's currency), on its channels with their templates; its fee, interest and
 * escalation.
 */
public record StepRule(int number, int offsetDays, BigDecimal minimumOverdue, Map<Channel, String> templates,
        BigDecimal fee, boolean assessInterest, Escalation escalation) {

    public StepRule {
        templates = Map.copyOf(templates);
    }

    /** A step with one e-mail template and nothing else, for the pure rules' tests. */
    public static StepRule email(int number, int offsetDays, BigDecimal minimumOverdue) {
        return new StepRule(number, offsetDays, minimumOverdue, Map.of(Channel.EMAIL, "reminder-" + number), null,
                false, null);
    }
}
