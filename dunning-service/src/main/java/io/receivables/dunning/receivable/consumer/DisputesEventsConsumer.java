package io.receivables.dunning.receivable.consumer;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxConsumer;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.contracts.events.DisputeOpened;
import io.receivables.contracts.events.DisputeReopened;
import io.receivables.contracts.events.DisputeResolved;
import io.receivables.contracts.events.EventType;
import io.receivables.dunning.receivable.service.DisputeHolds;
import io.receivables.dunning.receivable.service.DisputeHolds.DisputeChange;
import io.smallrye.mutiny.Uni;

/** The amount each invoice's open disputes hold from collection, from ar.disputes.events. */
@ApplicationScoped
public class DisputesEventsConsumer implements InboxConsumer {

    private static final Set<String> HANDLED = Set.of(EventType.DISPUTE_OPENED.type(),
            EventType.DISPUTE_REOPENED.type(), EventType.DISPUTE_RESOLVED.type());

    private final InboxProcessor processor;
    private final DisputeHolds holds;

    @Inject
    public DisputesEventsConsumer(InboxProcessor processor, DisputeHolds holds) {
        this.processor = processor;
        this.holds = holds;
    }

    @Incoming("disputes-events")
    public Uni<Void> consume(Message<String> message) {
        return processor.process(message, this);
    }

    @Override
    public Set<String> handledTypes() {
        return HANDLED;
    }

    @Override
    public Uni<Void> apply(InboundEvent event) {
        return switch (EventType.fromType(event.type())) {
            case DISPUTE_OPENED -> {
                DisputeOpened opened = event.body(DisputeOpened.class);
                yield holds.held(new DisputeChange(event.type(), opened.disputeId(), opened.customerId(),
                        opened.invoiceId(), opened.currency(), opened.disputedAmount()));
            }
            case DISPUTE_REOPENED -> {
                DisputeReopened reopened = event.body(DisputeReopened.class);
                yield holds.held(new DisputeChange(event.type(), reopened.disputeId(), reopened.customerId(),
                        reopened.invoiceId(), reopened.currency(), reopened.disputedAmount()));
            }
            case DISPUTE_RESOLVED -> {
                DisputeResolved resolved = event.body(DisputeResolved.class);
                yield holds.released(new DisputeChange(event.type(), resolved.disputeId(), resolved.customerId(),
                        resolved.invoiceId(), resolved.currency(), resolved.disputedAmount()));
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
