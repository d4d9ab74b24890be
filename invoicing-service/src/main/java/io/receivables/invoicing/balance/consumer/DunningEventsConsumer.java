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
import io.receivables.contracts.events.LateFeeAssessed;
import io.receivables.invoicing.invoice.service.FeeInvoiceService;
import io.smallrye.mutiny.Uni;

/** Bills late-fee-assessed from ar.dunning.events as fee invoices; the other dunning events are acknowledged unchanged. */
@ApplicationScoped
public class DunningEventsConsumer implements InboxConsumer {

    private static final Set<String> HANDLED = Set.of(EventType.LATE_FEE_ASSESSED.type());
    /** Who bills a late fee: this consumer, not the person or job in dunning-service that assessed it. */
    public static final Actor ACTOR = Actor.system("dunning-events-consumer");

    private final InboxProcessor processor;
    private final FeeInvoiceService fees;

    @Inject
    public DunningEventsConsumer(InboxProcessor processor, FeeInvoiceService fees) {
        this.processor = processor;
        this.fees = fees;
    }

    @Incoming("dunning-events")
    public Uni<Void> consume(Message<String> message) {
        return processor.process(message, this);
    }

    @Override
    public Set<String> handledTypes() {
        return HANDLED;
    }

    /** The fee invoice for the late fee, in the inbox transaction: billed once however often the event arrives. */
    @Override
    public Uni<Void> apply(InboundEvent event) {
        return fees.issueForLateFee(ACTOR, event.body(LateFeeAssessed.class));
    }
}
