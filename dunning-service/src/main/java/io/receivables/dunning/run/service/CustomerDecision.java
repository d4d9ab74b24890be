package io.receivables.dunning.run.service;

import io.receivables.dunning.policy.service.PolicyView;
import io.receivables.dunning.receivable.DunningCustomer;
import io.receivables.dunning.run.CustomerPlan;
import io.receivables.dunning.run.RunOutcome;

/**
 * What the run decided for one customer on its day: the plan (messages, skips) and, when nothing is to be sent, why.
 * {@code policy} is null when none applies.
 */
public record CustomerDecision(DunningCustomer customer, PolicyView policy, CustomerPlan plan, RunOutcome outcome) {
}
