package io.receivables.invoicing.balance.consumer;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.contracts.events.EventType;
import io.smallrye.mutiny.Uni;

/** Reads ar.dunning.events for late-fee-assessed; the other dunning events are acknowledged unchanged. */
@ApplicationScoped
public class DunningEventsConsumer {

    private static final Set<String> HANDLED = Set.of(EventType.LATE_FEE_ASSESSED.type());

    private final InboxProcessor processor;

    @Inject
    public DunningEventsConsumer(InboxProcessor processor) {
        this.processor = processor;
    }

    @Incoming("dunning-events")
    public Uni<Void> consume(Message<String> message) {
        return processor.process(message, HANDLED, this::lateFeeAssessed);
    }

    /** The fee invoice for the late fee, in the same transaction: wired to the fee invoice by the lead. */
    Uni<Void> lateFeeAssessed(InboundEvent event) {
        return Uni.createFrom().voidItem();
    }
}
