package io.receivables.dunning.delivery;

import java.time.Duration;

/** Exponential backoff: {@code initial × 2^(attempts − 1)}, never more than {@code max}. */
public record Backoff(Duration initial, Duration max) {

    /** The delay before the next attempt after {@code attempts} failed ones (1 or more). */
    public Duration after(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
