package io.receivables.common.inbox;

import java.util.Set;

/**
 * A service's consumer of one topic, as a bean: the event types it applies and how. Being a bean lets a dead-letter
 * replay or the release of a parked event find the handler of a type even before the consumer has read its first
 * record since start ({@link InboxConsumers}).
 */
public interface InboxConsumer extends EventHandler {

    /** The event types this consumer applies; other valid events of its topic are acknowledged unchanged. */
    Set<String> handledTypes();
}
