package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private final RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 10,
            Duration.ofMinutes(5));

    @Test
    void theBackoffDoublesWithEachCrashUpToItsMaximum() {
        List<Instant> crashes = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            crashes.add(NOW.minusSeconds(60 - i));
            delays.add(policy.restartDelay(crashes, NOW).orElseThrow().toSeconds());
        }
        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aPartThatCrashesMoreThanTheLimitWithinTheWindowIsLeftDown() {
        RestartPolicy strict = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 3, Duration.ofMinutes(5));
        List<Instant> crashes = new ArrayList<>(List.of(NOW.minusSeconds(30), NOW.minusSeconds(20), NOW.minusSeconds(10)));
        assertThat(strict.restartDelay(crashes, NOW)).isPresent();
        crashes.add(NOW);
        assertThat(strict.restartDelay(crashes, NOW)).isEqualTo(Optional.empty());
    }

    @Test
    void crashesOlderThanTheWindowAreForgottenSoTheBackoffStartsShortAgain() {
        RestartPolicy strict = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 3, Duration.ofMinutes(5));
        List<Instant> crashes = List.of(NOW.minusSeconds(900), NOW.minusSeconds(800), NOW.minusSeconds(700),
                NOW.minusSeconds(600), NOW);
        assertThat(strict.restartDelay(crashes, NOW)).contains(Duration.ofSeconds(1));
    }

    @Test
    void rejectsAMaximumBelowTheInitialBackoff() {
        assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(10), Duration.ofSeconds(1), 3, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
