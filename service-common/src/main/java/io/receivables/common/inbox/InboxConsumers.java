package io.receivables.common.inbox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Which handler applies an event type in this service: the {@link InboxConsumer} beans, and the handlers passed to
 * {@link InboxProcessor#process(org.eclipse.microprofile.reactive.messaging.Message, Set, EventHandler)} since start.
 * Replays and released parked events go through the same handler as a live delivery.
 */
@ApplicationScoped
public class InboxConsumers {

    private final Instance<InboxConsumer> consumers;
    private final Map<String, EventHandler> seen = new ConcurrentHashMap<>();

    @Inject
    public InboxConsumers(@Any Instance<InboxConsumer> consumers) {
        this.consumers = consumers;
    }

    void remember(Set<String> types, EventHandler handler) {
        types.forEach(type -> seen.putIfAbsent(type, handler));
    }

    /** The handler of {@code type}, if a consumer of this service applies it. */
    public Optional<EventHandler> handlerFor(String type) {
        for (InboxConsumer consumer : consumers) {
            if (consumer.handledTypes().contains(type)) {
                return Optional.of(consumer);
            }
        }
        return Optional.ofNullable(seen.get(type));
    }
}
