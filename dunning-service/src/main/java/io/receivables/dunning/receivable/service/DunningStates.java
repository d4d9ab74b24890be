package io.receivables.dunning.receivable.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.problem.ProblemException;
import io.receivables.dunning.hold.service.Holds;
import io.receivables.dunning.receivable.repository.DunningCustomerRepository;
import io.smallrye.mutiny.Uni;

/** A customer's dunning state for the collectors' read-only view, with every hold the run obeys. */
@ApplicationScoped
public class DunningStates {

    private final DunningCustomerRepository customers;
    private final DunningQueries queries;
    private final Holds holds;
    private final Clock clock;

    @Inject
    public DunningStates(DunningCustomerRepository customers, DunningQueries queries, Holds holds, Clock clock) {
        this.customers = customers;
        this.queries = queries;
        this.holds = holds;
        this.clock = clock;
    }

    /** The customer's state on {@code asOf} (null: today, UTC); 404 not-found for a customer dunning never saw. */
    @WithSession
    public Uni<DunningState> state(UUID customerId, LocalDate asOf) {
        LocalDate on = asOf == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : asOf;
        return customers.findById(customerId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No customer " + customerId))
                .chain(customer -> queries.openItems(customerId).chain(items -> holds.onInvoices(customerId, on)
                        .chain(invoiceHolds -> holds.onCustomer(customerId, on).map(
                                accountHold -> new DunningState(on, customer, items, invoiceHolds, accountHold)))));
    }
}
