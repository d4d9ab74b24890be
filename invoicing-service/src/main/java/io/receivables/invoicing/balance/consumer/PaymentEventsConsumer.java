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
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.PaymentAllocated;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.contracts.events.PaymentReversed;
import io.receivables.contracts.events.PaymentUnallocated;
import io.receivables.invoicing.balance.service.PaymentApplication;
import io.smallrye.mutiny.Uni;

/** Keeps invoice balances current from ar.payments.events: received, allocated, unallocated and reversed payments. */
@ApplicationScoped
public class PaymentEventsConsumer implements InboxConsumer {

    private static final Set<String> HANDLED = Set.of(EventType.PAYMENT_RECEIVED.type(),
            EventType.PAYMENT_ALLOCATED.type(), EventType.PAYMENT_REVERSED.type(), EventType.PAYMENT_UNALLOCATED.type());

    /** Who applies payments-service's events here: this consumer, not the person who recorded the payment. */
    public static final Actor ACTOR = Actor.system("payments-events-consumer");

    private final InboxProcessor processor;
    private final PaymentApplication payments;

    @Inject
    public PaymentEventsConsumer(InboxProcessor processor, PaymentApplication payments) {
        this.processor = processor;
        this.payments = payments;
    }

    @Incoming("payments-events")
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
            case PAYMENT_RECEIVED -> payments.received(ACTOR, event.body(PaymentReceived.class), event);
            case PAYMENT_ALLOCATED -> payments.allocated(ACTOR, event.body(PaymentAllocated.class), event);
            case PAYMENT_REVERSED -> payments.reversed(ACTOR, event.body(PaymentReversed.class), event);
            case PAYMENT_UNALLOCATED -> payments.unallocated(ACTOR, event.body(PaymentUnallocated.class), event);
            default -> Uni.createFrom().voidItem();
        };
    }
}
