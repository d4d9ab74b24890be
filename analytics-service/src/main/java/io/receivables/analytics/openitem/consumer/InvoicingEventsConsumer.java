package io.receivables.analytics.openitem.consumer;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.receivables.analytics.openitem.service.OpenAmounts;
import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxConsumer;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.InvoiceVoided;
import io.receivables.contracts.events.InvoiceWrittenOff;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the open items current from ar.invoicing.events: issued invoices open, credit notes lower them, voided and
 * written-off ones close, each from its business date (a void from its effectiveDate, which events published before it
 * existed lack: then the day it was entered).
 */
@ApplicationScoped
public class InvoicingEventsConsumer implements InboxConsumer {

    private static final Set<String> HANDLED = Set.of(EventType.INVOICE_ISSUED.type(), EventType.INVOICE_VOIDED.type(),
            EventType.INVOICE_WRITTEN_OFF.type(), EventType.CREDIT_NOTE_ISSUED.type());

    private final InboxProcessor processor;
    private final OpenAmounts openAmounts;

    @Inject
    public InvoicingEventsConsumer(InboxProcessor processor, OpenAmounts openAmounts) {
        this.processor = processor;
        this.openAmounts = openAmounts;
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
            case INVOICE_ISSUED -> openAmounts.issued(event.body(InvoiceIssued.class));
            case INVOICE_VOIDED -> {
                InvoiceVoided voided = event.body(InvoiceVoided.class);
                yield openAmounts.closed(voided.invoiceId(), voided.effectiveOn());
            }
            case INVOICE_WRITTEN_OFF -> {
                InvoiceWrittenOff writtenOff = event.body(InvoiceWrittenOff.class);
                yield openAmounts.closed(writtenOff.invoiceId(), writtenOff.writeOffDate());
            }
            case CREDIT_NOTE_ISSUED -> {
                CreditNoteIssued credit = event.body(CreditNoteIssued.class);
                // one without an invoice changes no open item
                yield credit.invoiceId() == null ? Uni.createFrom().voidItem()
                        : openAmounts.credited(credit.invoiceId(), credit.currency(), credit.total(),
                                credit.issueDate());
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
