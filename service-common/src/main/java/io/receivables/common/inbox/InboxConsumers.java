package io.receivables.common.inbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Which handler applies an event type in this service: the {@link InboxConsumer} beans. Replays and released parked
 * events go through the same handler as a live delivery.
 */
@ApplicationScoped
public class InboxConsumers {

    private final Instance<InboxConsumer> consumers;

    @Inject
    public InboxConsumers(@Any Instance<InboxConsumer> consumers) {
        this.consumers = consumers;
    }

    /** The handler of {@code type}, if a consumer of this service applies it. */
    public Optional<EventHandler> handlerFor(String type) {
        for (InboxConsumer consumer : consumers) {
            if (consumer.handledTypes().contains(type)) {
                return Optional.of(consumer);
            }
        }
        return Optional.empty();
    }
}
