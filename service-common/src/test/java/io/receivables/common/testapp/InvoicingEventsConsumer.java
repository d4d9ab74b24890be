package io.receivables.common.testapp;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxConsumer;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.inbox.parking.ParkedEvents;
import io.receivables.common.inbox.parking.ReferenceNotYetKnownException;
import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.InvoiceIssued;
import io.smallrye.mutiny.Uni;

/**
 * The self-test application's consumer of ar.invoicing.events: invoice-issued creates a tracked invoice and releases
 * what waited for it; credit-note-issued adds to its credited amount (not idempotent by itself: the inbox must make it
 * so), is parked while its invoice is unknown, and can never apply when it would credit more than is open.
 */
@ApplicationScoped
public class InvoicingEventsConsumer implements InboxConsumer {

    static final String REFERENCE_TYPE = "invoice";

    private static final Set<String> HANDLED = Set.of(EventType.INVOICE_ISSUED.type(),
            EventType.CREDIT_NOTE_ISSUED.type());

    private final InboxProcessor processor;
    private final ParkedEvents parked;
    private final TrackedInvoices invoices;

    @Inject
    public InvoicingEventsConsumer(InboxProcessor processor, ParkedEvents parked, TrackedInvoices invoices) {
        this.processor = processor;
        this.parked = parked;
        this.invoices = invoices;
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
            case INVOICE_ISSUED -> issued(event.body(InvoiceIssued.class));
            case CREDIT_NOTE_ISSUED -> credited(event.body(CreditNoteIssued.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> issued(InvoiceIssued issued) {
        TrackedInvoice invoice = new TrackedInvoice();
        invoice.id = issued.invoiceId();
        invoice.reference = issued.invoiceNumber();
        invoice.currency = issued.currency();
        invoice.total = issued.total();
        invoice.termsDays = (int) ChronoUnit.DAYS.between(issued.issueDate(), issued.dueDate());
        return invoices.persist(invoice).chain(() -> parked.release(REFERENCE_TYPE, invoice.id));
    }

    private Uni<Void> credited(CreditNoteIssued creditNote) {
        if (creditNote.invoiceId() == null) {
            return Uni.createFrom().voidItem();
        }
        return invoices.findById(creditNote.invoiceId()).invoke(invoice -> {
            if (invoice == null) {
                throw new ReferenceNotYetKnownException(REFERENCE_TYPE, creditNote.invoiceId());
            }
            if (!invoice.currency.equals(creditNote.currency())) {
                throw new MalformedEventException("credit note in " + creditNote.currency() + " for an invoice in "
                        + invoice.currency);
            }
            BigDecimal open = invoice.open();
            if (creditNote.total().compareTo(open) > 0) {
                throw new MalformedEventException("credit note of " + creditNote.total().toPlainString()
                        + " exceeds the " + open.toPlainString() + " open on invoice " + invoice.id);
            }
            invoice.credited = invoice.credited.add(creditNote.total());
        }).replaceWithVoid();
    }
}
