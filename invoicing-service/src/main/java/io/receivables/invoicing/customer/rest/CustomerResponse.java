package io.receivables.invoicing.customer.rest;

import java.time.Instant;
import java.util.UUID;

import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.terms.PaymentTermsType;

public record CustomerResponse(UUID id, String legalName, String taxId, String currency, Terms paymentTerms,
        String creditLimit, String segment, String billingEmail, Instant createdAt) {

    public record Terms(PaymentTermsType type, int days) {
    }

    public static CustomerResponse of(Customer customer) {
        return new CustomerResponse(customer.id, customer.legalName, customer.taxId, customer.currency,
                new Terms(customer.termsType, customer.termsDays),
                customer.creditLimit == null ? null
                        : DecimalStrings.format(Currencies.round(customer.creditLimit, customer.currency)),
                customer.segment, customer.billingEmail, customer.createdAt);
    }
}
