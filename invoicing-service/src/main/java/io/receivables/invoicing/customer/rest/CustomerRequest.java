package io.receivables.invoicing.customer.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;
import io.receivables.contracts.EmailAddresses;

/**
 * A whole billing profile: the body of {@code POST /customers} and of {@code PUT /customers/{id}}, which replaces the
 * profile (a field left out is removed, so a client never merges by accident).
 */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String legalName,
        @Size(max = 50) String taxId,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @Valid PaymentTermsRequest paymentTerms,
        @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"50000.00\"") String creditLimit,
        @Schema(description = "One of the configured segments (receivables.invoicing.customers.segments); default standard") @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "must be a lower-case segment name such as strategic, standard or high-risk") String segment,
        @Schema(description = "The accounts-payable mailbox invoices are sent to") @Pattern(regexp = EmailAddresses.REGEX, message = "must be an e-mail address such as ap@example.com") @Size(max = EmailAddresses.MAX_LENGTH) String billingEmail,
        @Valid AddressRequest billingAddress,
        @Schema(description = "People to contact about invoices and payments; exactly one is primary") @Size(max = 20) List<@NotNull @Valid ContactRequest> contacts,
        @Schema(description = "Preferred language of documents and reminders as a BCP 47 tag: en, de, fr-CA") @Pattern(regexp = "^[a-z]{2,3}(-[A-Z]{2})?$", message = "must be a language tag such as en, de or fr-CA") String language,
        @Schema(description = "Suppresses reminders: why, and until when (inclusive; absent means until lifted)") @Valid DoNotDunRequest doNotDun,
        @Schema(description = "The buyer reference (EN 16931 BT-10) its e-invoices carry unless an invoice has its own, e.g. a German Leitweg-ID such as 04011000-1234512345-06") @Size(max = 200) String buyerReference,
        @Schema(description = "Its Peppol participant identifier, the buyer's electronic address (EndpointID) on e-invoices; without one, a VAT id is used") @Valid PeppolParticipantRequest peppolParticipant,
        @Schema(description = "The e-invoice format GET /invoices/{id}/einvoice serves by default: peppol-bis-3 (default), en16931-ubl, xrechnung-3, xrechnung-3-cii or factur-x") String einvoiceFormat) {

    /** A profile without the e-invoicing fields. */
    public CustomerRequest(String legalName, String taxId, String currency, PaymentTermsRequest paymentTerms,
            String creditLimit, String segment, String billingEmail, AddressRequest billingAddress,
            List<ContactRequest> contacts, String language, DoNotDunRequest doNotDun) {
        this(legalName, taxId, currency, paymentTerms, creditLimit, segment, billingEmail, billingAddress, contacts,
                language, doNotDun, null, null, null);
    }

    /** A Peppol participant identifier: an EAS scheme code and the identifier under it. */
    public record PeppolParticipantRequest(
            @Schema(description = "Electronic Address Scheme (EAS) code, e.g. 0088 (GLN), 0192 (Norwegian organisation number), 9930 (German VAT number)") @NotBlank @Pattern(regexp = "[0-9]{4}", message = "must be a four-digit EAS code such as 0088") String scheme,
            @Schema(description = "The identifier under the scheme, e.g. 4000001000005") @NotBlank @Size(max = 200) String value) {
    }

    public record AddressRequest(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city, @Size(max = 20) String postalCode, @Size(max = 100) String region,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as DE") String country) {
    }

    public record ContactRequest(@NotBlank @Size(max = 200) String name,
            @Pattern(regexp = EmailAddresses.REGEX, message = "must be an e-mail address such as ap@example.com") @Size(max = EmailAddresses.MAX_LENGTH) String email,
            @Pattern(regexp = "^\\+?[0-9 ()./-]{3,32}$", message = "must be a phone number such as +49 30 1234567") String phone,
            boolean primary) {
    }

    public record DoNotDunRequest(@NotBlank @Size(max = 500) String reason, java.time.LocalDate until) {
    }
}
