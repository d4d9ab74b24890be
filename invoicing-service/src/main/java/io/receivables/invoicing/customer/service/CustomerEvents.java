package io.receivables.invoicing.customer.service;

import io.receivables.contracts.events.CustomerRegistered;
import io.receivables.contracts.events.PaymentTerms;
import io.receivables.invoicing.customer.Customer;

/** The events a customer's changes publish, mapped field by field from the entity. */
final class CustomerEvents {

    private CustomerEvents() {
    }

    static CustomerRegistered registered(Customer customer) {
        return new CustomerRegistered(customer.id, customer.legalName, customer.taxId, customer.currency,
                new PaymentTerms(PaymentTerms.Type.valueOf(customer.termsType.name()), customer.termsDays),
                customer.creditLimit, customer.segment, customer.billingEmail, null, customer.createdAt);
    }
}
