package io.receivables.invoicing.customer.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Contact;
import io.receivables.contracts.events.DoNotDun;
import io.receivables.contracts.events.PostalAddress;
import io.receivables.invoicing.ColumnLimits;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.rest.CustomerRequest;
import io.receivables.invoicing.document.EInvoiceFormat;
import io.receivables.invoicing.document.PeppolParticipants;
import io.receivables.invoicing.terms.PaymentTerms;

/**
 * Checks a billing profile beyond what bean validation can say, and writes it onto a customer. Every rejected field is
 * reported at once, so a client fixes its request in one round trip.
 */
final class CustomerProfiles {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private CustomerProfiles() {
    }

    /** Applies {@code request} to {@code customer}, or throws a validation problem naming every bad field. */
    static void apply(CustomerRequest request, Customer customer, SegmentsConfig segments) {
        List<FieldError> errors = new ArrayList<>();
        if (!Currencies.isIssuable(request.currency())) {
            errors.add(new FieldError("currency", "'" + request.currency() + "' is not an ISO 4217 currency"));
        }
        BigDecimal creditLimit = creditLimit(request, errors);
        PaymentTerms terms = request.paymentTerms().toTerms("paymentTerms", errors);
        String segment = request.segment() == null ? segments.defaultSegment() : request.segment();
        if (!segments.segments().contains(segment)) {
            errors.add(new FieldError("segment", "'" + segment + "' is not a segment; use one of " + segments.segments()));
        }
        if (request.billingAddress() != null && !COUNTRIES.contains(request.billingAddress().country())) {
            errors.add(new FieldError("billingAddress.country", "'" + request.billingAddress().country()
                    + "' is not an ISO 3166-1 country code"));
        }
        List<CustomerRequest.ContactRequest> contacts = request.contacts() == null ? List.of() : request.contacts();
        long primaries = contacts.stream().filter(CustomerRequest.ContactRequest::primary).count();
        if (!contacts.isEmpty() && primaries != 1) {
            errors.add(new FieldError("contacts", "exactly one contact must be primary; " + primaries + " are"));
        }
        checkEInvoicing(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        customer.legalName = request.legalName().strip();
        customer.taxId = FreeText.optional(request.taxId());
        customer.currency = request.currency();
        customer.paymentTerms(terms);
        customer.creditLimit = creditLimit;
        customer.segment = segment;
        customer.billingEmail = request.billingEmail();
        customer.billingAddress(address(request.billingAddress()));
        customer.contacts(contacts.stream()
                .map(c -> new Contact(c.name().strip(), c.email(), FreeText.optional(c.phone()), c.primary()))
                .toList());
        customer.language = request.language();
        customer.doNotDun(request.doNotDun() == null ? null
                : new DoNotDun(request.doNotDun().reason().strip(), request.doNotDun().until()));
        customer.buyerReference = FreeText.optional(request.buyerReference());
        customer.peppolScheme = request.peppolParticipant() == null ? null : request.peppolParticipant().scheme();
        customer.peppolId = request.peppolParticipant() == null ? null : request.peppolParticipant().value().strip();
        customer.eInvoiceFormat = request.einvoiceFormat();
    }

    /** The Peppol participant against the EAS code list and its scheme's check digits; the format against the list. */
    private static void checkEInvoicing(CustomerRequest request, List<FieldError> errors) {
        CustomerRequest.PeppolParticipantRequest participant = request.peppolParticipant();
        if (participant != null && participant.scheme() != null && participant.value() != null) {
            PeppolParticipants.schemeProblem(participant.scheme())
                    .ifPresentOrElse(problem -> errors.add(new FieldError("peppolParticipant.scheme", problem)),
                            () -> PeppolParticipants.valueProblem(participant.scheme(), participant.value().strip())
                                    .ifPresent(problem -> errors
                                            .add(new FieldError("peppolParticipant.value", problem))));
        }
        if (request.einvoiceFormat() != null && EInvoiceFormat.ofSlug(request.einvoiceFormat()).isEmpty()) {
            errors.add(new FieldError("einvoiceFormat",
                    "'" + request.einvoiceFormat() + "' is not a format; use one of " + EInvoiceFormat.slugs()));
        }
    }

    private static BigDecimal creditLimit(CustomerRequest request, List<FieldError> errors) {
        if (request.creditLimit() == null) {
            return null;
        }
        BigDecimal limit = DecimalStrings.parse(request.creditLimit());
        if (limit.signum() < 0) {
            errors.add(new FieldError("creditLimit", "must not be negative"));
            return null;
        }
        int before = errors.size();
        ColumnLimits.AMOUNT.check("creditLimit", limit, errors);
        if (errors.size() > before) {
            return null;
        }
        if (Currencies.isIssuable(request.currency())
                && limit.stripTrailingZeros().scale() > Currencies.minorUnits(request.currency())) {
            errors.add(new FieldError("creditLimit", "has more decimals than " + request.currency() + " has minor units"));
            return null;
        }
        return Currencies.isIssuable(request.currency()) ? Currencies.round(limit, request.currency()) : limit;
    }

    private static PostalAddress address(CustomerRequest.AddressRequest address) {
        return address == null ? null
                : new PostalAddress(address.line1().strip(), FreeText.optional(address.line2()), address.city().strip(),
                        FreeText.optional(address.postalCode()), FreeText.optional(address.region()), address.country());
    }
}
