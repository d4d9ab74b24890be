package io.receivables.analytics.openitem.consumer;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.receivables.analytics.openitem.OpenItem;
import io.receivables.analytics.openitem.repository.OpenItemRepository;
import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.InvoiceIssued;
import io.smallrye.mutiny.Uni;

/** Keeps the open items current from ar.invoicing.events. */
@ApplicationScoped
public class InvoicingEventsConsumer {

    private static final Set<String> HANDLED = Set.of(EventType.INVOICE_ISSUED.type());

    private final InboxProcessor processor;
    private final OpenItemRepository openItems;

    @Inject
    public InvoicingEventsConsumer(InboxProcessor processor, OpenItemRepository openItems) {
        this.processor = processor;
        this.openItems = openItems;
    }

    @Incoming("invoicing-events")
    public Uni<Void> consume(Message<String> message) {
        return processor.process(message, HANDLED, this::invoiceIssued);
    }

    private Uni<Void> invoiceIssued(InboundEvent event) {
        InvoiceIssued issued = event.body(InvoiceIssued.class);
        OpenItem item = new OpenItem();
        item.invoiceId = issued.invoiceId();
        item.invoiceNumber = issued.invoiceNumber();
        item.customerId = issued.customerId();
        item.currency = issued.currency();
        item.openAmount = Currencies.round(issued.total(), issued.currency());
        item.issueDate = issued.issueDate();
        item.dueDate = issued.dueDate();
        item.issuedAt = issued.issuedAt();
        return openItems.persist(item).replaceWithVoid();
    }
}
