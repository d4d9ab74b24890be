package io.receivables.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a crashed part is started again: after a backoff that doubles with each crash inside {@code window}
 * ({@code initialBackoff}, twice that, ... up to {@code maxBackoff}), and not at all once more than {@code maxCrashes}
 * crashes fall inside {@code window}: such a part is crash-looping, and restarting it again would only hide that.
 * Crashes older than the window are forgotten, so a part that ran well for a while starts again at the short backoff.
 */
public record RestartPolicy(Duration initialBackoff, Duration maxBackoff, int maxCrashes, Duration window) {

    /** 1 s doubling to 30 s; more than 5 crashes within 5 minutes is a failure. */
    public static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
            Duration.ofMinutes(5));

    public RestartPolicy {
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxCrashes < 0
                || window.isNegative()) {
            throw new IllegalArgumentException("not a restart policy: " + initialBackoff + ", " + maxBackoff + ", "
                    + maxCrashes + ", " + window);
        }
    }

    /**
     * The delay before the next start, given every crash so far (oldest first, the latest included) and the time
     * now; empty when the part must be left down.
     */
    public Optional<Duration> restartDelay(List<Instant> crashes, Instant now) {
        Instant windowStart = now.minus(window);
        long recent = crashes.stream().filter(c -> c.isAfter(windowStart)).count();
        if (recent > maxCrashes) {
            return Optional.empty();
        }
        Duration delay = initialBackoff;
        for (long i = 1; i < recent && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay);
    }
}
