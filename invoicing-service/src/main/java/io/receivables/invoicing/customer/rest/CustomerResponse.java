package io.receivables.invoicing.customer.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.contracts.events.Contact;
import io.receivables.contracts.events.DoNotDun;
import io.receivables.contracts.events.PostalAddress;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.terms.PaymentTerms;
import io.receivables.invoicing.terms.PaymentTermsType;

public record CustomerResponse(UUID id, String legalName, String taxId, String currency, Terms paymentTerms,
        String creditLimit, String segment, String billingEmail, PostalAddress billingAddress, List<Contact> contacts,
        String language, DoNotDun doNotDun, long version, Instant createdAt, Instant updatedAt) {

    public record Terms(PaymentTermsType type, int days, Integer discountDays, String discountRate) {

        public static Terms of(PaymentTerms terms) {
            return new Terms(terms.type(), terms.days(), terms.discountDays(),
                    terms.discountRate() == null ? null : DecimalStrings.format(terms.discountRate().stripTrailingZeros()));
        }
    }

    public static CustomerResponse of(Customer customer) {
        return new CustomerResponse(customer.id, customer.legalName, customer.taxId, customer.currency,
                Terms.of(customer.paymentTerms()),
                customer.creditLimit == null ? null
                        : Currencies.format(customer.creditLimit, customer.currency),
                customer.segment, customer.billingEmail, customer.billingAddress(), customer.contacts(),
                customer.language, customer.doNotDun(), customer.version, customer.createdAt, customer.updatedAt);
    }
}
