package io.receivables.common.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "receivables.outbox")
public interface OutboxRetentionConfig {

    /**
     * How long an outbox row is kept after every replication slot of the database has confirmed it: for operators
     * who look up a recent event, and the most a connector re-created without its offsets publishes again (its
     * snapshot reads what is left in the table; consumers' inboxes drop the repeats).
     */
    @WithDefault("1h")
    Duration retention();

    /** How often {@link OutboxRetention} runs; read by its {@code @Scheduled} expression ({@code off} disables it). */
    @WithDefault("5m")
    String cleanupEvery();
}
