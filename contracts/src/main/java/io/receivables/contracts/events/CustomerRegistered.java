package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * customer-registered: a customer was created with its billing profile. {@code taxId}, {@code creditLimit},
 * {@code billingEmail} and {@code language} are optional (null), as are the e-invoicing fields: {@code buyerReference}
 * (BT-10), {@code peppolParticipant} and {@code einvoiceFormat} (a format slug such as {@code xrechnung-3}; kept a
 * string so a consumer built before a new format still reads the event).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerRegistered(
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
        Instant registeredAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public CustomerRegistered(UUID customerId, String legalName, String taxId, String currency, PaymentTerms paymentTerms,
            BigDecimal creditLimit, String segment, String billingEmail, PostalAddress billingAddress, List<Contact> contacts,
            DoNotDun doNotDun, String language, String buyerReference, PeppolParticipant peppolParticipant,
            String einvoiceFormat, Instant registeredAt) {
        this(customerId, legalName, taxId, currency, paymentTerms, creditLimit, segment, billingEmail, billingAddress, contacts,
                doNotDun, language, buyerReference, peppolParticipant, einvoiceFormat, registeredAt, null);
    }

    /** The event without the e-invoicing fields and without an {@link Actor}, as the first events were. */
    public CustomerRegistered(UUID customerId, String legalName, String taxId, String currency, PaymentTerms paymentTerms,
            BigDecimal creditLimit, String segment, String billingEmail, PostalAddress billingAddress, List<Contact> contacts,
            DoNotDun doNotDun, String language, Instant registeredAt) {
        this(customerId, legalName, taxId, currency, paymentTerms, creditLimit, segment, billingEmail, billingAddress, contacts,
                doNotDun, language, null, null, null, registeredAt, null);
    }

    public CustomerRegistered {
        requireNonNull(customerId, "customerId");
        requireNonNull(legalName, "legalName");
        requireNonNull(currency, "currency");
        requireNonNull(paymentTerms, "paymentTerms");
        requireNonNull(segment, "segment");
        requireNonNull(registeredAt, "registeredAt");
        contacts = contacts == null ? null : List.copyOf(contacts);
    }

    @Override
    public UUID subjectId() {
        return customerId;
    }
}
