package io.receivables.invoicing.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.fasterxml.jackson.core.type.TypeReference;

import io.receivables.contracts.events.Contact;
import io.receivables.contracts.events.DoNotDun;
import io.receivables.contracts.events.PostalAddress;
import io.receivables.contracts.json.EventJson;
import io.receivables.invoicing.terms.PaymentTerms;
import io.receivables.invoicing.terms.StoredPaymentTerms;

/** A customer and its billing profile: what every invoice to it defaults to, and how collections may treat it. */
@Entity
@Table(name = "customer")
public class Customer {

    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
    };

    @Id
    public UUID id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(name = "tax_id")
    public String taxId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Embedded
    public StoredPaymentTerms terms;

    @Column(name = "credit_limit")
    public BigDecimal creditLimit;

    @Column(nullable = false)
    public String segment;

    @Column(name = "billing_email")
    public String billingEmail;

    @Column(name = "address_line1")
    public String addressLine1;

    @Column(name = "address_line2")
    public String addressLine2;

    @Column(name = "address_city")
    public String addressCity;

    @Column(name = "address_postal_code")
    public String addressPostalCode;

    @Column(name = "address_region")
    public String addressRegion;

    @Column(name = "address_country", length = 2)
    public String addressCountry;

    /** The contacts as JSON text (a list of {@link Contact}): always read and written whole, never queried. */
    @Column(nullable = false)
    public String contacts = "[]";

    public String language;

    /** The default buyer reference (EN 16931 BT-10) of its e-invoices, e.g. a German Leitweg-ID. */
    @Column(name = "buyer_reference", length = 200)
    public String buyerReference;

    /** The EAS scheme of its Peppol participant identifier (e.g. 0088 GLN); null with {@link #peppolId}. */
    @Column(name = "peppol_scheme", length = 4)
    public String peppolScheme;

    @Column(name = "peppol_id", length = 200)
    public String peppolId;

    /** The e-invoice format it receives by default ({@code EInvoiceFormat} slug); null: peppol-bis-3. */
    @Column(name = "einvoice_format", length = 16)
    public String eInvoiceFormat;

    @Column(name = "do_not_dun_reason")
    public String doNotDunReason;

    @Column(name = "do_not_dun_until")
    public LocalDate doNotDunUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public PaymentTerms paymentTerms() {
        return terms.toTerms();
    }

    public void paymentTerms(PaymentTerms paymentTerms) {
        terms = StoredPaymentTerms.of(paymentTerms);
    }

    public PostalAddress billingAddress() {
        return addressLine1 == null ? null
                : new PostalAddress(addressLine1, addressLine2, addressCity, addressPostalCode, addressRegion,
                        addressCountry);
    }

    public void billingAddress(PostalAddress address) {
        addressLine1 = address == null ? null : address.line1();
        addressLine2 = address == null ? null : address.line2();
        addressCity = address == null ? null : address.city();
        addressPostalCode = address == null ? null : address.postalCode();
        addressRegion = address == null ? null : address.region();
        addressCountry = address == null ? null : address.country();
    }

    public List<Contact> contacts() {
        try {
            return EventJson.mapper().readValue(contacts, CONTACTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable contacts of customer " + id, e);
        }
    }

    public void contacts(List<Contact> list) {
        contacts = EventJson.write(list == null ? List.of() : list);
    }

    public DoNotDun doNotDun() {
        return doNotDunReason == null ? null : new DoNotDun(doNotDunReason, doNotDunUntil);
    }

    public void doNotDun(DoNotDun doNotDun) {
        doNotDunReason = doNotDun == null ? null : doNotDun.reason();
        doNotDunUntil = doNotDun == null ? null : doNotDun.until();
    }
}
