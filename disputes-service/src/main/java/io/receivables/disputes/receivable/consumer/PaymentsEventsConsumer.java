package io.receivables.disputes.receivable.consumer;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxConsumer;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.PaymentAllocated;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.contracts.events.PaymentReversed;
import io.receivables.contracts.events.PaymentUnallocated;
import io.receivables.disputes.dispute.service.Chargebacks;
import io.receivables.disputes.receivable.service.Settlements;
import io.smallrye.mutiny.Uni;

/**
 * What is still open on each invoice after payments, from ar.payments.events; and the dispute the platform opens when a
 * card payment is charged back.
 */
@ApplicationScoped
public class PaymentsEventsConsumer implements InboxConsumer {

    private static final Set<String> HANDLED = Set.of(EventType.PAYMENT_RECEIVED.type(),
            EventType.PAYMENT_ALLOCATED.type(), EventType.PAYMENT_UNALLOCATED.type(), EventType.PAYMENT_REVERSED.type());

    private final InboxProcessor processor;
    private final Settlements settlements;
    private final Chargebacks chargebacks;

    @Inject
    public PaymentsEventsConsumer(InboxProcessor processor, Settlements settlements, Chargebacks chargebacks) {
        this.processor = processor;
        this.settlements = settlements;
        this.chargebacks = chargebacks;
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
                yield settlements.allocated(event.type(), received.paymentId(), received.currency(),
                        received.allocations());
            }
            case PAYMENT_ALLOCATED -> {
                PaymentAllocated allocated = event.body(PaymentAllocated.class);
                yield settlements.allocated(event.type(), allocated.paymentId(), allocated.currency(),
                        allocated.allocations());
            }
            case PAYMENT_UNALLOCATED -> {
                PaymentUnallocated taken = event.body(PaymentUnallocated.class);
                yield settlements.unallocated(event.type(), taken.paymentId(), taken.currency(), taken.allocations());
            }
            case PAYMENT_REVERSED -> {
                PaymentReversed reversal = event.body(PaymentReversed.class);
                // the reversal first: the invoice is open again by what the payment paid, which the chargeback disputes
                yield settlements.reversed(reversal).chain(() -> chargebacks.reversed(reversal));
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
