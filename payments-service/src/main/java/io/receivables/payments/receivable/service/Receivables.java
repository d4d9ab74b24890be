package io.receivables.payments.receivable.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.inbox.parking.ParkedEvents;
import io.receivables.common.inbox.parking.ReferenceNotYetKnownException;
import io.receivables.common.money.Currencies;
import io.receivables.contracts.CreditorReference;
import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.PaymentTerms;
import io.receivables.payments.matching.RemittanceReferences;
import io.receivables.payments.receivable.InvoiceState;
import io.receivables.payments.receivable.ReceivableCustomer;
import io.receivables.payments.receivable.ReceivableInvoice;
import io.receivables.payments.receivable.repository.ReceivableCustomerRepository;
import io.receivables.payments.receivable.repository.ReceivableInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * Keeps this service's view of customers and invoices from ar.invoicing.events. Joins the inbox transaction of the
 * consumer. Events of one customer arrive in order (one key, one partition), but this service may start reading after
 * a customer's registration left the topic, so an invoice of a customer not seen yet creates the customer; an event
 * about an invoice not seen yet (which the topic's order should make impossible) is parked until it arrives rather
 * than lost.
 */
@ApplicationScoped
public class Receivables {

    static final String INVOICE = "invoice";

    private final ReceivableCustomerRepository customers;
    private final ReceivableInvoiceRepository invoices;
    private final ParkedEvents parked;
    private final Clock clock;

    @Inject
    public Receivables(ReceivableCustomerRepository customers, ReceivableInvoiceRepository invoices,
            ParkedEvents parked, Clock clock) {
        this.customers = customers;
        this.invoices = invoices;
        this.parked = parked;
        this.clock = clock;
    }

    /** customer-registered and customer-updated: the name and currency payments show and check. */
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

    /** invoice-issued (issued here or imported): payable from now on; then what waited for it applies. */
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
        invoice.numberKey = CreditorReference.alphanumeric(issued.invoiceNumber());
        invoice.numberCore = RemittanceReferences.core(invoice.numberKey);
        invoice.creditorReference = CreditorReference.of(issued.invoiceNumber());
        invoice.customerId = issued.customerId();
        invoice.currency = issued.currency();
        invoice.issueDate = issued.issueDate();
        invoice.dueDate = issued.dueDate();
        invoice.total = issued.total();
        PaymentTerms terms = issued.paymentTerms();
        if (terms.discountDays() != null && terms.discountRate() != null && terms.discountRate().signum() > 0) {
            // as invoicing computes them: the issue date plus discountDays, the total times the rate, rounded
            invoice.discountDate = issued.issueDate().plusDays(terms.discountDays());
            invoice.discountAmount = Currencies.round(issued.total().multiply(terms.discountRate()), issued.currency());
        }
        invoice.state = InvoiceState.OPEN;
        invoice.issuedAt = issued.issuedAt();
        invoice.amountCredited = BigDecimal.ZERO;
        invoice.amountAllocated = BigDecimal.ZERO;
        invoice.amountDiscounted = BigDecimal.ZERO;
        invoice.recomputeOpenAmount();
        return invoice;
    }

    private Uni<ReceivableInvoice> known(UUID invoiceId) {
        return invoices.findById(invoiceId, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> new ReferenceNotYetKnownException(INVOICE, invoiceId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
