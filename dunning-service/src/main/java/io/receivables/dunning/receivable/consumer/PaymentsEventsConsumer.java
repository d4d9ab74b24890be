package io.receivables.dunning.receivable.consumer;

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
import io.receivables.contracts.events.PaymentPlanBroken;
import io.receivables.contracts.events.PaymentPlanCompleted;
import io.receivables.contracts.events.PaymentPlanCreated;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.contracts.events.PaymentReversed;
import io.receivables.contracts.events.PaymentUnallocated;
import io.receivables.dunning.receivable.PlanState;
import io.receivables.dunning.receivable.service.PaymentPlans;
import io.receivables.dunning.receivable.service.Settlements;
import io.smallrye.mutiny.Uni;

/**
 * What is still open on each invoice after payments, and the payment plans whose instalments replace due dates, from
 * ar.payments.events. The run waits for this consumer to catch up (ConsumerCatchUp), so that nobody is reminded of an
 * invoice paid this morning.
 */
@ApplicationScoped
public class PaymentsEventsConsumer implements InboxConsumer {

    /** This consumer's channel (application.properties names its topic and group). */
    public static final String CHANNEL = "payments-events";

    private static final Set<String> HANDLED = Set.of(EventType.PAYMENT_RECEIVED.type(),
            EventType.PAYMENT_ALLOCATED.type(), EventType.PAYMENT_UNALLOCATED.type(), EventType.PAYMENT_REVERSED.type(),
            EventType.PAYMENT_PLAN_CREATED.type(), EventType.PAYMENT_PLAN_BROKEN.type(),
            EventType.PAYMENT_PLAN_COMPLETED.type());

    private final InboxProcessor processor;
    private final Settlements settlements;
    private final PaymentPlans plans;

    @Inject
    public PaymentsEventsConsumer(InboxProcessor processor, Settlements settlements, PaymentPlans plans) {
        this.processor = processor;
        this.settlements = settlements;
        this.plans = plans;
    }

    @Incoming(CHANNEL)
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
            case PAYMENT_REVERSED -> settlements.reversed(event.body(PaymentReversed.class));
            case PAYMENT_PLAN_CREATED -> plans.created(event.body(PaymentPlanCreated.class));
            case PAYMENT_PLAN_BROKEN -> {
                PaymentPlanBroken broken = event.body(PaymentPlanBroken.class);
                yield plans.ended(broken.planId(), broken.customerId(), broken.currency(), broken.invoiceIds(),
                        PlanState.BROKEN);
            }
            case PAYMENT_PLAN_COMPLETED -> {
                PaymentPlanCompleted completed = event.body(PaymentPlanCompleted.class);
                yield plans.ended(completed.planId(), completed.customerId(), completed.currency(),
                        completed.invoiceIds(), PlanState.COMPLETED);
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
