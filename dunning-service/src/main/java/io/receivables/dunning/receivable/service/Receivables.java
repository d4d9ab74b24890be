package io.receivables.dunning.receivable.service;

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
import io.receivables.contracts.events.Contact;
import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.contracts.events.CustomerRegistered;
import io.receivables.contracts.events.CustomerUpdated;
import io.receivables.contracts.events.DoNotDun;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.PostalAddress;
import io.receivables.contracts.json.EventJson;
import io.receivables.dunning.receivable.DunningCustomer;
import io.receivables.dunning.receivable.DunningInvoice;
import io.receivables.dunning.receivable.InvoiceState;
import io.receivables.dunning.receivable.repository.DunningCustomerRepository;
import io.receivables.dunning.receivable.repository.DunningInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * Keeps dunning's view of customers and invoices from ar.invoicing.events; joins the inbox transaction of the consumer.
 * Events of one customer arrive in order (one key, one partition), but this service may start reading after a
 * customer's registration left the topic, so an invoice of a customer not seen yet creates the customer; an event about
 * an invoice not seen yet is parked until it arrives rather than lost.
 */
@ApplicationScoped
public class Receivables {

    /** The reference type events about an invoice not seen yet are parked under (ParkedEvents). */
    public static final String INVOICE = "invoice";

    private final DunningCustomerRepository customers;
    private final DunningInvoiceRepository invoices;
    private final ParkedEvents parked;
    private final Clock clock;

    @Inject
    public Receivables(DunningCustomerRepository customers, DunningInvoiceRepository invoices, ParkedEvents parked,
            Clock clock) {
        this.customers = customers;
        this.invoices = invoices;
        this.parked = parked;
        this.clock = clock;
    }

    /** The whole profile a customer-registered or customer-updated carries (each replaces the copy). */
    public record Profile(UUID customerId, String legalName, String currency, String segment, String language,
            String billingEmail, PostalAddress billingAddress, List<Contact> contacts, DoNotDun doNotDun) {

        public static Profile of(CustomerRegistered e) {
            return new Profile(e.customerId(), e.legalName(), e.currency(), e.segment(), e.language(), e.billingEmail(),
                    e.billingAddress(), e.contacts(), e.doNotDun());
        }

        public static Profile of(CustomerUpdated e) {
            return new Profile(e.customerId(), e.legalName(), e.currency(), e.segment(), e.language(), e.billingEmail(),
                    e.billingAddress(), e.contacts(), e.doNotDun());
        }
    }

    /** customer-registered and customer-updated. */
    public Uni<Void> customer(Profile profile) {
        return customers.findById(profile.customerId(), LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            DunningCustomer customer = found == null ? new DunningCustomer() : found;
            customer.id = profile.customerId();
            customer.legalName = profile.legalName();
            customer.currency = profile.currency();
            customer.segment = profile.segment();
            customer.language = profile.language();
            customer.billingEmail = profile.billingEmail();
            customer.phone = phone(profile.contacts());
            customer.billingAddress = profile.billingAddress() == null ? null : EventJson.write(profile.billingAddress());
            customer.contacts = profile.contacts() == null ? null : EventJson.write(profile.contacts());
            customer.doNotDunReason = profile.doNotDun() == null ? null : profile.doNotDun().reason();
            customer.doNotDunUntil = profile.doNotDun() == null ? null : profile.doNotDun().until();
            customer.updatedAt = now();
            return found == null ? customers.persist(customer).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    /**
     * invoice-issued (issued, imported, and fee invoices, which carry lateFee): collectable from its due date on; then
     * what waited for it applies.
     */
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
            DunningCustomer seen = new DunningCustomer();
            seen.id = issued.customerId();
            seen.updatedAt = now();
            return customers.persist(seen).replaceWithVoid();
        }).chain(() -> invoices.persist(invoice(issued))).chain(() -> parked.release(INVOICE, issued.invoiceId()));
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

    static DunningInvoice invoice(InvoiceIssued issued) {
        DunningInvoice invoice = new DunningInvoice();
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
        invoice.disputedAmount = BigDecimal.ZERO;
        if (issued.lateFee() != null) {
            invoice.lateFeeId = issued.lateFee().lateFeeId();
            invoice.feeForInvoiceId = issued.lateFee().overdueInvoiceId();
        }
        invoice.recomputeOpenAmount();
        return invoice;
    }

    /** The number an SMS goes to: the primary contact's phone, else the first contact's that has one. */
    static String phone(List<Contact> contacts) {
        if (contacts == null) {
            return null;
        }
        return contacts.stream().filter(c -> c.phone() != null).sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .map(Contact::phone).findFirst().orElse(null);
    }

    Uni<DunningInvoice> known(UUID invoiceId) {
        return invoices.lock(invoiceId).onItem().ifNull()
                .failWith(() -> new ReferenceNotYetKnownException(INVOICE, invoiceId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
