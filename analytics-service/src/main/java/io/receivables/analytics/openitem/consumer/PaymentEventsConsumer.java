package io.receivables.analytics.openitem.consumer;

import java.time.ZoneOffset;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.receivables.analytics.openitem.service.OpenAmounts;
import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxConsumer;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.PaymentAllocated;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.contracts.events.PaymentReversed;
import io.receivables.contracts.events.PaymentUnallocated;
import io.smallrye.mutiny.Uni;

/**
 * Moves open amounts from ar.payments.events: received and allocated payments lower the invoices they are allocated
 * to, a reversed payment opens them again. A payment for an invoice not seen yet waits (parked) for its invoice-issued.
 */
@ApplicationScoped
public class PaymentEventsConsumer implements InboxConsumer {

    private static final Set<String> HANDLED = Set.of(EventType.PAYMENT_RECEIVED.type(),
            EventType.PAYMENT_ALLOCATED.type(), EventType.PAYMENT_REVERSED.type(),
            EventType.PAYMENT_UNALLOCATED.type());

    private final InboxProcessor processor;
    private final OpenAmounts openAmounts;

    @Inject
    public PaymentEventsConsumer(InboxProcessor processor, OpenAmounts openAmounts) {
        this.processor = processor;
        this.openAmounts = openAmounts;
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
            case PAYMENT_RECEIVED -> {
                PaymentReceived received = event.body(PaymentReceived.class);
                yield openAmounts.paid(received.currency(), received.allocations(), received.valueDate());
            }
            case PAYMENT_ALLOCATED -> {
                PaymentAllocated allocated = event.body(PaymentAllocated.class);
                // a later allocation counts from its business date, else the day it was made, as in invoicing
                yield openAmounts.paid(allocated.currency(), allocated.allocations(),
                        allocated.effectiveDate() != null ? allocated.effectiveDate()
                                : allocated.allocatedAt().atOffset(ZoneOffset.UTC).toLocalDate());
            }
            case PAYMENT_REVERSED -> {
                PaymentReversed reversed = event.body(PaymentReversed.class);
                yield openAmounts.reversed(reversed.currency(), reversed.reversedAllocations(), reversed.reversalDate());
            }
            case PAYMENT_UNALLOCATED -> {
                PaymentUnallocated taken = event.body(PaymentUnallocated.class);
                yield openAmounts.reversed(taken.currency(), taken.allocations(), taken.effectiveDate());
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
