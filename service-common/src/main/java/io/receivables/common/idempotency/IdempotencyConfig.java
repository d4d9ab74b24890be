package io.receivables.common.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "receivables.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered; a retry after that is a new request. */
    @WithDefault("24h")
    Duration retention();

    /** How often expired keys are removed; read by {@link IdempotencyCleanup}'s {@code @Scheduled} expression. */
    @WithDefault("1h")
    Duration cleanupEvery();
}
