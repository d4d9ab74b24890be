package io.receivables.invoicing.terms;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Payment terms as a customer's default and as an invoice's own copy store them: the same four columns in both
 * tables ({@code terms_type}, {@code terms_days}, {@code terms_discount_days}, {@code terms_discount_rate}).
 */
@Embeddable
public class StoredPaymentTerms {

    @Enumerated(EnumType.STRING)
    @Column(name = "terms_type", nullable = false, length = 16)
    public PaymentTermsType type;

    @Column(name = "terms_days", nullable = false)
    public int days;

    @Column(name = "terms_discount_days")
    public Integer discountDays;

    @Column(name = "terms_discount_rate")
    public BigDecimal discountRate;

    public static StoredPaymentTerms of(PaymentTerms terms) {
        StoredPaymentTerms stored = new StoredPaymentTerms();
        stored.type = terms.type();
        stored.days = terms.days();
        stored.discountDays = terms.discountDays();
        stored.discountRate = terms.discountRate();
        return stored;
    }

    public PaymentTerms toTerms() {
        return new PaymentTerms(type, days, discountDays, discountRate);
    }
}
