package io.receivables.dunning.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How the delivery worker takes and retries messages (receivables.dunning.delivery.*, docs/dunning.md). */
@ConfigMapping(prefix = "receivables.dunning.delivery")
public interface DeliveryConfig {

    /** How often the scheduled worker looks for due messages, e.g. 5s; off: never (tests call it themselves). */
    String every();

    /** How many due messages one claim takes: small, so that other replicas' workers get the rest. */
    int batchSize();

    /** How many messages of a batch one worker delivers at the same time. */
    int concurrency();

    /** Attempts after which a message that keeps failing for a transient cause is FAILED. */
    int maxAttempts();

    /** The delay after the first failed attempt; each further one doubles it. */
    Duration initialBackoff();

    Duration maxBackoff();

    /** How long an attempt may take before the message counts as abandoned (its worker died) and is taken again. */
    Duration attemptTimeout();
}
