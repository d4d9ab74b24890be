package io.receivables.invoicing.balance.consumer;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxConsumer;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.DisputeOpened;
import io.receivables.contracts.events.DisputeReopened;
import io.receivables.contracts.events.DisputeResolved;
import io.receivables.contracts.events.EventType;
import io.receivables.invoicing.balance.service.DisputeTracking;
import io.receivables.invoicing.creditnote.service.CreditNoteService;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the open disputes of invoices current from ar.disputes.events (opened, resolved, reopened), and credits what a
 * resolution in the customer's favour grants.
 */
@ApplicationScoped
public class DisputeEventsConsumer implements InboxConsumer {

    private static final Set<String> HANDLED = Set.of(EventType.DISPUTE_OPENED.type(),
            EventType.DISPUTE_RESOLVED.type(), EventType.DISPUTE_REOPENED.type());

    /** Who applies disputes-service's events here: this consumer, not the person who opened or resolved the dispute. */
    public static final Actor ACTOR = Actor.system("disputes-events-consumer");

    private final InboxProcessor processor;
    private final DisputeTracking disputes;
    private final CreditNoteService creditNotes;

    @Inject
    public DisputeEventsConsumer(InboxProcessor processor, DisputeTracking disputes, CreditNoteService creditNotes) {
        this.processor = processor;
        this.disputes = disputes;
        this.creditNotes = creditNotes;
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
            case DISPUTE_OPENED -> disputes.opened(ACTOR, event.body(DisputeOpened.class), event);
            case DISPUTE_RESOLVED -> {
                DisputeResolved resolved = event.body(DisputeResolved.class);
                yield disputes.resolved(ACTOR, resolved, event).chain(() -> creditForResolvedDispute(resolved));
            }
            case DISPUTE_REOPENED -> disputes.reopened(ACTOR, event.body(DisputeReopened.class), event);
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The credit note for what the resolution credits, in the inbox transaction: one per dispute. */
    Uni<Void> creditForResolvedDispute(DisputeResolved resolved) {
        return creditNotes.creditForResolvedDispute(ACTOR, resolved);
    }
}
