package io.receivables.invoicing.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.receivables.invoicing.terms.PaymentTerms;
import io.receivables.invoicing.terms.PaymentTermsType;

/** A customer and its billing profile: what every invoice to it defaults to. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(name = "tax_id")
    public String taxId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "terms_type", nullable = false)
    public PaymentTermsType termsType;

    @Column(name = "terms_days", nullable = false)
    public int termsDays;

    @Column(name = "credit_limit")
    public BigDecimal creditLimit;

    @Column(nullable = false)
    public String segment;

    @Column(name = "billing_email")
    public String billingEmail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public PaymentTerms paymentTerms() {
        return new PaymentTerms(termsType, termsDays);
    }
}
