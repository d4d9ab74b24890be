package io.receivables.invoicing.customer.service;

import io.receivables.contracts.events.CustomerRegistered;
import io.receivables.contracts.events.CustomerUpdated;
import io.receivables.contracts.events.PaymentTerms;
import io.receivables.contracts.events.PeppolParticipant;
import io.receivables.invoicing.customer.Customer;

/** The events a customer's changes publish, mapped field by field from the entity. */
final class CustomerEvents {

    private CustomerEvents() {
    }

    static CustomerRegistered registered(Customer customer) {
        return new CustomerRegistered(customer.id, customer.legalName, customer.taxId, customer.currency,
                terms(customer), customer.creditLimit, customer.segment, customer.billingEmail,
                customer.billingAddress(), emptyToNull(customer), customer.doNotDun(), customer.language,
                customer.buyerReference, peppolParticipant(customer), customer.eInvoiceFormat, customer.createdAt);
    }

    /** The whole profile after the change, as the schema says: consumers replace their copy. */
    static CustomerUpdated updated(Customer customer) {
        return new CustomerUpdated(customer.id, customer.legalName, customer.taxId, customer.currency,
                terms(customer), customer.creditLimit, customer.segment, customer.billingEmail,
                customer.billingAddress(), emptyToNull(customer), customer.doNotDun(), customer.language,
                customer.buyerReference, peppolParticipant(customer), customer.eInvoiceFormat, customer.updatedAt);
    }

    private static PeppolParticipant peppolParticipant(Customer customer) {
        return customer.peppolScheme == null ? null : new PeppolParticipant(customer.peppolScheme, customer.peppolId);
    }

    private static PaymentTerms terms(Customer customer) {
        return customer.paymentTerms().toContract();
    }

    private static java.util.List<io.receivables.contracts.events.Contact> emptyToNull(Customer customer) {
        var contacts = customer.contacts();
        return contacts.isEmpty() ? null : contacts;
    }
}
