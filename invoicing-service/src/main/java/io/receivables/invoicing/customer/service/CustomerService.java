package io.receivables.invoicing.customer.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.money.Currencies;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.customer.rest.CustomerRequest;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final InvoiceRepository invoices;
    private final OutboxWriter outbox;
    private final SegmentsConfig segments;
    private final Clock clock;

    @Inject
    public CustomerService(CustomerRepository customers, InvoiceRepository invoices, OutboxWriter outbox,
            SegmentsConfig segments, Clock clock) {
        this.customers = customers;
        this.invoices = invoices;
        this.outbox = outbox;
        this.segments = segments;
        this.clock = clock;
    }

    /** Registers a customer; the customer and its {@code customer-registered} outbox row commit together. */
    public Uni<Customer> register(Actor actor, CustomerRequest request) {
        Customer customer = new Customer();
        return Uni.createFrom().item(() -> {
            CustomerProfiles.apply(request, customer, segments);
            customer.id = UUID.randomUUID();
            customer.createdAt = now();
            return customer;
        })
                .chain(customers::persist)
                .call(saved -> outbox.append(actor, "customer", CustomerEvents.registered(saved),
                        AuditSummary.of().value("legalName", saved.legalName).value("creditLimit",
                                saved.creditLimit == null ? null : Currencies.round(saved.creditLimit, saved.currency))));
    }

    /**
     * Replaces the billing profile of a customer whose version is {@code expectedVersion} (empty: any); publishes
     * {@code customer-updated} with the whole profile. A concurrent update that commits first makes this one fail with
     * 412 at flush, through the entity's version column.
     * <p>
     * The currency may change only while nothing is open in the old one (409 otherwise, nothing written): the credit
     * limit, statements and dunning read a customer's AR in its currency, and amounts are never converted. The customer
     * row is locked, as issuing an invoice locks it, so no invoice in the old currency can be issued in between.
     */
    public Uni<Customer> update(Actor actor, UUID id, ExpectedVersion expectedVersion, CustomerRequest request) {
        AuditSummary change = AuditSummary.of();
        return customers.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No customer " + id))
                .call(customer -> {
                    IfMatch.check(expectedVersion, customer.version, "Customer " + id);
                    String oldCurrency = customer.currency;
                    String oldName = customer.legalName;
                    BigDecimal oldLimit = customer.creditLimit;
                    CustomerProfiles.apply(request, customer, segments);
                    change.change("legalName", oldName, customer.legalName)
                            .change("currency", oldCurrency, customer.currency)
                            .change("creditLimit", oldLimit == null ? null : Currencies.round(oldLimit, oldCurrency),
                                    customer.creditLimit == null ? null
                                            : Currencies.round(customer.creditLimit, customer.currency));
                    customer.updatedAt = now();
                    return oldCurrency.equals(customer.currency) ? Uni.createFrom().voidItem()
                            : requireNothingOpenIn(customer, oldCurrency);
                })
                .call(customer -> outbox.append(actor, "customer", CustomerEvents.updated(customer), change))
                .call(customers::flush);
    }

    private Uni<Void> requireNothingOpenIn(Customer customer, String oldCurrency) {
        return invoices.openAmount(customer.id, oldCurrency).invoke(open -> {
            if (open.signum() > 0) {
                String message = "customer " + customer.id + " still owes " + Currencies.format(open, oldCurrency) + " "
                        + oldCurrency + " on open invoices; settle, credit or write them off before changing its"
                        + " currency to " + customer.currency;
                throw new ProblemException(ProblemType.CONFLICT, message,
                        List.of(new FieldError("currency", message)));
            }
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<Customer> find(UUID id) {
        return customers.findById(id);
    }

    @WithSession
    public Uni<Page<Customer>> list(String segment, String cursor, int limit) {
        return customers.page(segment, cursor, limit);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
