package io.receivables.dunning.policy.service;

import java.util.List;

import io.receivables.dunning.policy.DunningPolicy;
import io.receivables.dunning.policy.PolicyStep;
import io.receivables.dunning.policy.PolicyVersion;
import io.receivables.dunning.policy.StepChannel;

/** A policy as of one of its versions (the current one unless asked otherwise), with that version's steps. */
public record PolicyView(DunningPolicy policy, PolicyVersion version, List<Step> steps) {

    public PolicyView {
        steps = List.copyOf(steps);
    }

    public record Step(PolicyStep step, List<StepChannel> channels) {

        public Step {
            channels = List.copyOf(channels);
        }
    }
}
