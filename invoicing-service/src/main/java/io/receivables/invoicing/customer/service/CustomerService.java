package io.receivables.invoicing.customer.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.ProblemException;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.customer.rest.CustomerRequest;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final OutboxWriter outbox;
    private final SegmentsConfig segments;
    private final Clock clock;

    @Inject
    public CustomerService(CustomerRepository customers, OutboxWriter outbox, SegmentsConfig segments, Clock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.segments = segments;
        this.clock = clock;
    }

    /** Registers a customer; the customer and its {@code customer-registered} outbox row commit together. */
    @WithTransaction
    public Uni<Customer> register(CustomerRequest request) {
        Customer customer = new Customer();
        return Uni.createFrom().item(() -> {
            CustomerProfiles.apply(request, customer, segments);
            customer.id = UUID.randomUUID();
            customer.createdAt = now();
            return customer;
        })
                .chain(customers::persist)
                .call(saved -> outbox.append("customer", CustomerEvents.registered(saved)));
    }

    /**
     * Replaces the billing profile of a customer whose version is {@code expectedVersion} (empty: any); publishes
     * {@code customer-updated} with the whole profile. A concurrent update that commits first makes this one fail with
     * 412 at flush, through the entity's version column.
     */
    @WithTransaction
    public Uni<Customer> update(UUID id, ExpectedVersion expectedVersion, CustomerRequest request) {
        return customers.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No customer " + id))
                .invoke(customer -> {
                    IfMatch.check(expectedVersion, customer.version, "Customer " + id);
                    CustomerProfiles.apply(request, customer, segments);
                    customer.updatedAt = now();
                })
                .call(customer -> outbox.append("customer", CustomerEvents.updated(customer)))
                .call(customers::flush);
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
