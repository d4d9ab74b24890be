package io.receivables.invoicing.customer.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.contracts.events.Contact;
import io.receivables.contracts.events.DoNotDun;
import io.receivables.contracts.events.PostalAddress;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.document.EInvoiceFormat;
import io.receivables.invoicing.terms.PaymentTerms;
import io.receivables.invoicing.terms.PaymentTermsType;

public record CustomerResponse(UUID id, String legalName, @Schema(nullable = true) String taxId, String currency,
        Terms paymentTerms,
        @Schema(nullable = true, description = "null: no credit limit") String creditLimit, String segment,
        @Schema(nullable = true) String billingEmail, @Schema(nullable = true) PostalAddress billingAddress,
        List<Contact> contacts, @Schema(nullable = true) String language,
        @Schema(nullable = true, description = "null: reminders are not suppressed") DoNotDun doNotDun, long version,
        Instant createdAt, @Schema(nullable = true, description = "null until the first update") Instant updatedAt,
        @Schema(nullable = true) String buyerReference,
        @Schema(nullable = true) PeppolParticipant peppolParticipant,
        @Schema(description = "The e-invoice format served by default") String einvoiceFormat) {

    public record PeppolParticipant(String scheme, String value) {
    }

    @Schema(name = "PaymentTerms")
    public record Terms(PaymentTermsType type, int days, @Schema(nullable = true) Integer discountDays,
            @Schema(nullable = true) String discountRate) {

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
                customer.language, customer.doNotDun(), customer.version, customer.createdAt, customer.updatedAt,
                customer.buyerReference,
                customer.peppolScheme == null ? null
                        : new PeppolParticipant(customer.peppolScheme, customer.peppolId),
                customer.eInvoiceFormat == null ? EInvoiceFormat.DEFAULT.slug() : customer.eInvoiceFormat);
    }
}
