package io.receivables.disputes.receivable.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.inbox.parking.ParkedEvents;
import io.receivables.common.inbox.parking.ReferenceNotYetKnownException;
import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.InvoiceLine;
import io.receivables.disputes.receivable.InvoiceState;
import io.receivables.disputes.receivable.ReceivableCustomer;
import io.receivables.disputes.receivable.ReceivableInvoice;
import io.receivables.disputes.receivable.ReceivableInvoiceLine;
import io.receivables.disputes.receivable.repository.ReceivableCustomerRepository;
import io.receivables.disputes.receivable.repository.ReceivableInvoiceLineRepository;
import io.receivables.disputes.receivable.repository.ReceivableInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * Keeps this service's view of customers and invoices from ar.invoicing.events; joins the inbox transaction of the
 * consumer. Events of one customer arrive in order (one key, one partition), but this service may start reading after a
 * customer's registration left the topic, so an invoice of a customer not seen yet creates the customer; an event about
 * an invoice not seen yet is parked until it arrives rather than lost. Late fees need nothing here: invoicing bills each
 * as an invoice of its own (an invoice-issued), and never changes the overdue invoice's amount.
 */
@ApplicationScoped
public class Receivables {

    /** The reference type events about an invoice not seen yet are parked under (ParkedEvents). */
    public static final String INVOICE = "invoice";

    private final ReceivableCustomerRepository customers;
    private final ReceivableInvoiceRepository invoices;
    private final ReceivableInvoiceLineRepository lines;
    private final ParkedEvents parked;
    private final Clock clock;

    @Inject
    public Receivables(ReceivableCustomerRepository customers, ReceivableInvoiceRepository invoices,
            ReceivableInvoiceLineRepository lines, ParkedEvents parked, Clock clock) {
        this.customers = customers;
        this.invoices = invoices;
        this.lines = lines;
        this.parked = parked;
        this.clock = clock;
    }

    /** customer-registered and customer-updated. */
    public Uni<Void> customer(UUID id, String legalName, String currency) {
        return customers.findById(id, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            ReceivableCustomer customer = found == null ? new ReceivableCustomer() : found;
            customer.id = id;
            customer.legalName = legalName;
            customer.currency = currency;
            customer.updatedAt = now();
            return found == null ? customers.persist(customer).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    /** invoice-issued (issued or imported, fee invoices too): disputable from now on; then what waited for it applies. */
    public Uni<Void> issued(InvoiceIssued issued) {
        return invoices.findById(issued.invoiceId()).chain(existing -> {
            if (existing != null) {
                throw new MalformedEventException("invoice-issued for invoice " + issued.invoiceId() + " ("
                        + issued.invoiceNumber() + "), which was issued before under another event id");
            }
            return customers.findById(issued.customerId());
        }).chain(customer -> {
            if (customer != null) {
                return Uni.createFrom().voidItem();
            }
            ReceivableCustomer seen = new ReceivableCustomer();
            seen.id = issued.customerId();
            seen.updatedAt = now();
            return customers.persist(seen).replaceWithVoid();
        }).chain(() -> invoices.persist(invoice(issued)))
                .chain(() -> issued.lines().isEmpty() ? Uni.createFrom().voidItem() : lines.persist(lines(issued)))
                .chain(() -> parked.release(INVOICE, issued.invoiceId()));
    }

    /** invoice-voided and invoice-written-off: nothing is open on it any more. */
    public Uni<Void> closed(UUID invoiceId, InvoiceState state) {
        return known(invoiceId).invoke(invoice -> {
            invoice.state = state;
            invoice.recomputeOpenAmount();
        }).replaceWithVoid();
    }

    /** credit-note-issued: an invoice's credit lowers what is open on it; one on the account changes no invoice. */
    public Uni<Void> credited(CreditNoteIssued credit) {
        if (credit.invoiceId() == null) {
            return Uni.createFrom().voidItem();
        }
        return known(credit.invoiceId()).invoke(invoice -> {
            if (!invoice.currency.equals(credit.currency())) {
                throw new MalformedEventException("credit-note-issued " + credit.creditNoteNumber() + " is in "
                        + credit.currency() + " but invoice " + invoice.number + " is in " + invoice.currency);
            }
            invoice.amountCredited = invoice.amountCredited.add(credit.total());
            invoice.recomputeOpenAmount();
        }).replaceWithVoid();
    }

    static ReceivableInvoice invoice(InvoiceIssued issued) {
        ReceivableInvoice invoice = new ReceivableInvoice();
        invoice.id = issued.invoiceId();
        invoice.number = issued.invoiceNumber();
        invoice.customerId = issued.customerId();
        invoice.currency = issued.currency();
        invoice.issueDate = issued.issueDate();
        invoice.dueDate = issued.dueDate();
        invoice.total = issued.total();
        invoice.state = InvoiceState.OPEN;
        invoice.issuedAt = issued.issuedAt();
        invoice.amountCredited = BigDecimal.ZERO;
        invoice.amountPaid = BigDecimal.ZERO;
        invoice.amountDiscounted = BigDecimal.ZERO;
        invoice.recomputeOpenAmount();
        return invoice;
    }

    static List<ReceivableInvoiceLine> lines(InvoiceIssued issued) {
        return issued.lines().stream().map(line -> line(issued.invoiceId(), line)).toList();
    }

    private static ReceivableInvoiceLine line(UUID invoiceId, InvoiceLine issued) {
        ReceivableInvoiceLine line = new ReceivableInvoiceLine();
        line.id = UUID.randomUUID();
        line.invoiceId = invoiceId;
        line.lineNumber = issued.lineNumber();
        line.description = issued.description();
        line.netAmount = issued.netAmount();
        line.taxAmount = issued.taxAmount();
        return line;
    }

    private Uni<ReceivableInvoice> known(UUID invoiceId) {
        return invoices.lock(invoiceId).onItem().ifNull()
                .failWith(() -> new ReferenceNotYetKnownException(INVOICE, invoiceId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
