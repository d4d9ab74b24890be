package io.receivables.dunning.receivable.consumer;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxConsumer;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.contracts.events.CustomerRegistered;
import io.receivables.contracts.events.CustomerUpdated;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.InvoiceVoided;
import io.receivables.contracts.events.InvoiceWrittenOff;
import io.receivables.dunning.receivable.InvoiceState;
import io.receivables.dunning.receivable.service.Receivables;
import io.smallrye.mutiny.Uni;

/** Whom to remind of what, from ar.invoicing.events: customers' profiles, invoices (fee invoices too), credits, voids. */
@ApplicationScoped
public class InvoicingEventsConsumer implements InboxConsumer {

    private static final Set<String> HANDLED = Set.of(EventType.CUSTOMER_REGISTERED.type(),
            EventType.CUSTOMER_UPDATED.type(), EventType.INVOICE_ISSUED.type(), EventType.INVOICE_VOIDED.type(),
            EventType.INVOICE_WRITTEN_OFF.type(), EventType.CREDIT_NOTE_ISSUED.type());

    private final InboxProcessor processor;
    private final Receivables receivables;

    @Inject
    public InvoicingEventsConsumer(InboxProcessor processor, Receivables receivables) {
        this.processor = processor;
        this.receivables = receivables;
    }

    @Incoming("invoicing-events")
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
            case CUSTOMER_REGISTERED ->
                receivables.customer(Receivables.Profile.of(event.body(CustomerRegistered.class)));
            case CUSTOMER_UPDATED -> receivables.customer(Receivables.Profile.of(event.body(CustomerUpdated.class)));
            case INVOICE_ISSUED -> receivables.issued(event.body(InvoiceIssued.class));
            case INVOICE_VOIDED -> receivables.closed(event.body(InvoiceVoided.class).invoiceId(), InvoiceState.VOIDED);
            case INVOICE_WRITTEN_OFF -> receivables.closed(event.body(InvoiceWrittenOff.class).invoiceId(),
                    InvoiceState.WRITTEN_OFF);
            case CREDIT_NOTE_ISSUED -> receivables.credited(event.body(CreditNoteIssued.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
