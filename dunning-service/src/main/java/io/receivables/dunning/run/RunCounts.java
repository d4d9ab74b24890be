package io.receivables.dunning.run;

import java.util.Map;

/**
 * A run's progress, counted from its rows: customers snapshotted and done, messages written, (invoice, step) actions, and what
 * was skipped by reason.
 */
public record RunCounts(long customers, long done, long messages, long actions, Map<SkipReason, Long> skipped) {

    public RunCounts {
        skipped = Map.copyOf(skipped);
    }
}
