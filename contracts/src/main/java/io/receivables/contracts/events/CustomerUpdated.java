package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * customer-updated: the whole billing profile after a change, not a delta, so consumers replace their copy. Optional
 * fields that are null were removed or never set; the e-invoicing fields are as in {@link CustomerRegistered}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerUpdated(
        UUID customerId,
        String legalName,
        String taxId,
        String currency,
        PaymentTerms paymentTerms,
        @DecimalString BigDecimal creditLimit,
        String segment,
        String billingEmail,
        PostalAddress billingAddress,
        List<Contact> contacts,
        DoNotDun doNotDun,
        String language,
        String buyerReference,
        PeppolParticipant peppolParticipant,
        String einvoiceFormat,
        Instant updatedAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public CustomerUpdated(UUID customerId, String legalName, String taxId, String currency, PaymentTerms paymentTerms,
            BigDecimal creditLimit, String segment, String billingEmail, PostalAddress billingAddress, List<Contact> contacts,
            DoNotDun doNotDun, String language, String buyerReference, PeppolParticipant peppolParticipant,
            String einvoiceFormat, Instant updatedAt) {
        this(customerId, legalName, taxId, currency, paymentTerms, creditLimit, segment, billingEmail, billingAddress, contacts,
                doNotDun, language, buyerReference, peppolParticipant, einvoiceFormat, updatedAt, null);
    }

    /** The event without the e-invoicing fields and without an {@link Actor}, as the first events were. */
    public CustomerUpdated(UUID customerId, String legalName, String taxId, String currency, PaymentTerms paymentTerms,
            BigDecimal creditLimit, String segment, String billingEmail, PostalAddress billingAddress, List<Contact> contacts,
            DoNotDun doNotDun, String language, Instant updatedAt) {
        this(customerId, legalName, taxId, currency, paymentTerms, creditLimit, segment, billingEmail, billingAddress, contacts,
                doNotDun, language, null, null, null, updatedAt, null);
    }

    public CustomerUpdated {
        requireNonNull(customerId, "customerId");
        requireNonNull(legalName, "legalName");
        requireNonNull(currency, "currency");
        requireNonNull(paymentTerms, "paymentTerms");
        requireNonNull(segment, "segment");
        requireNonNull(updatedAt, "updatedAt");
        contacts = contacts == null ? null : List.copyOf(contacts);
    }

    @Override
    public UUID subjectId() {
        return customerId;
    }
}
