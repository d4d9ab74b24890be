package io.receivables.analytics.openitem.consumer;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.receivables.analytics.openitem.OpenItem;
import io.receivables.analytics.openitem.repository.OpenItemRepository;
import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.InvoiceVoided;
import io.receivables.contracts.events.InvoiceWrittenOff;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the open items current from ar.invoicing.events: issued invoices open, credit notes lower them, voided and
 * written-off ones close.
 */
@ApplicationScoped
public class InvoicingEventsConsumer {

    private static final Set<String> HANDLED = Set.of(EventType.INVOICE_ISSUED.type(), EventType.INVOICE_VOIDED.type(),
            EventType.INVOICE_WRITTEN_OFF.type(), EventType.CREDIT_NOTE_ISSUED.type());

    private final InboxProcessor processor;
    private final OpenItemRepository openItems;

    @Inject
    public InvoicingEventsConsumer(InboxProcessor processor, OpenItemRepository openItems) {
        this.processor = processor;
        this.openItems = openItems;
    }

    @Incoming("invoicing-events")
    public Uni<Void> consume(Message<String> message) {
        return processor.process(message, HANDLED, this::apply);
    }

    private Uni<Void> apply(InboundEvent event) {
        return switch (EventType.fromType(event.type())) {
            case INVOICE_ISSUED -> invoiceIssued(event);
            case INVOICE_VOIDED -> {
                InvoiceVoided voided = event.body(InvoiceVoided.class);
                yield reduce(voided.invoiceId(), voided.total(), event);
            }
            case INVOICE_WRITTEN_OFF -> {
                InvoiceWrittenOff writtenOff = event.body(InvoiceWrittenOff.class);
                yield reduce(writtenOff.invoiceId(), writtenOff.amount(), event);
            }
            case CREDIT_NOTE_ISSUED -> creditNoteIssued(event);
            default -> Uni.createFrom().voidItem();
        };
    }

    /**
     * A voided or written-off invoice leaves open AR by the event's amount. Its invoice-issued came first: both are on
     * this topic with the same key, so in one partition, in order; a missing open item is a broken stream, dead-lettered.
     */
    private Uni<Void> reduce(UUID invoiceId, BigDecimal amount, InboundEvent event) {
        return openItems.findById(invoiceId)
                .onItem().ifNull().failWith(() -> new MalformedEventException(
                        event.type() + " for invoice " + invoiceId + ", which was never issued here"))
                .invoke(item -> item.openAmount = item.openAmount.subtract(amount))
                .replaceWithVoid();
    }

    /**
     * A credit note lowers its invoice's open amount, never below zero: what it credits beyond that is a credit the
     * customer holds, not negative AR on the invoice. One without an invoice changes no open item.
     */
    private Uni<Void> creditNoteIssued(InboundEvent event) {
        CreditNoteIssued credit = event.body(CreditNoteIssued.class);
        if (credit.invoiceId() == null) {
            return Uni.createFrom().voidItem();
        }
        return openItems.findById(credit.invoiceId())
                .onItem().ifNull().failWith(() -> new MalformedEventException(
                        event.type() + " for invoice " + credit.invoiceId() + ", which was never issued here"))
                .invoke(item -> item.openAmount = item.openAmount
                        .subtract(credit.total().min(item.openAmount.max(BigDecimal.ZERO))))
                .replaceWithVoid();
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
