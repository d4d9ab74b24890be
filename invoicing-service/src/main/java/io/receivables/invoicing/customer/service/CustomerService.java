package io.receivables.invoicing.customer.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.problem.ProblemException;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.customer.rest.CreateCustomerRequest;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerService {

    static final String DEFAULT_SEGMENT = "standard";

    private final CustomerRepository customers;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Inject
    public CustomerService(CustomerRepository customers, OutboxWriter outbox, Clock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Registers a customer; the customer and its {@code customer-registered} outbox row commit together. */
    @WithTransaction
    public Uni<Customer> register(CreateCustomerRequest request) {
        if (!Currencies.isIssuable(request.currency())) {
            return Uni.createFrom().failure(ProblemException.invalid("currency",
                    "'" + request.currency() + "' is not an ISO 4217 currency"));
        }
        if (request.creditLimit() != null) {
            var limit = DecimalStrings.parse(request.creditLimit());
            if (limit.signum() < 0) {
                return Uni.createFrom().failure(ProblemException.invalid("creditLimit", "must not be negative"));
            }
            if (limit.stripTrailingZeros().scale() > Currencies.minorUnits(request.currency())) {
                return Uni.createFrom().failure(ProblemException.invalid("creditLimit",
                        "has more decimals than " + request.currency() + " has minor units"));
            }
        }
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.legalName = request.legalName().strip();
        customer.taxId = blankToNull(request.taxId());
        customer.currency = request.currency();
        customer.termsType = request.paymentTerms().type();
        customer.termsDays = request.paymentTerms().days();
        customer.creditLimit = request.creditLimit() == null ? null
                : Currencies.round(DecimalStrings.parse(request.creditLimit()), request.currency());
        customer.segment = request.segment() == null ? DEFAULT_SEGMENT : request.segment();
        customer.billingEmail = request.billingEmail();
        customer.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return customers.persist(customer)
                .call(saved -> outbox.append("customer", CustomerEvents.registered(saved)));
    }

    /** Free text is stored trimmed, and an empty optional text is absent, as the event schemas require. */
    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @WithSession
    public Uni<Customer> find(UUID id) {
        return customers.findById(id);
    }
}
