package io.receivables.common.inbox;

import io.smallrye.mutiny.Uni;

/** Applies one event to this service's state, inside the transaction that also records it in the inbox. */
@FunctionalInterface
public interface EventHandler {

    Uni<Void> apply(InboundEvent event);
}
