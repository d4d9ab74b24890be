package io.receivables.common.inbox.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "receivables.inbox")
public interface InboxConfig {

    /**
     * How long the ce_id of an applied event is kept. It must be longer than the retention of every topic consumed
     * (7 days): a consumer group re-created or reset to the earliest offset then still finds every event it reads again
     * in the inbox and applies none twice.
     */
    @WithDefault("P30D")
    Duration retention();

    /** How often rows older than the retention are deleted; read by {@link InboxRetention}'s schedule. */
    @WithDefault("1h")
    Duration cleanupEvery();

    /** The topic this service's dead letters are sent to ({@code ar.<service>.dlq}). */
    String deadLetterTopic();

    /** How often dead letters whose send failed are sent again; read by {@code DeadLetterTopic}'s schedule. */
    @WithDefault("10s")
    Duration deadLetterPublishEvery();
}
