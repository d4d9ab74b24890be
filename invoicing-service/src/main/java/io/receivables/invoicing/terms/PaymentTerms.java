package io.receivables.invoicing.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

import io.receivables.common.money.Currencies;

/**
 * Payment terms as data, so that the due date and any discount date are computed, never typed in by hand. An
 * early-payment discount ("2/10 net 30") lets the buyer deduct {@code discountRate} of the total when paying within
 * {@code discountDays} of the issue date.
 */
public record PaymentTerms(PaymentTermsType type, int days, Integer discountDays, BigDecimal discountRate) {

    public static final int MAX_DAYS = 365;

    public PaymentTerms {
        if (type == null) {
            throw new IllegalArgumentException("terms type is required");
        }
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("terms days must be between 0 and " + MAX_DAYS);
        }
        if ((discountDays == null) != (discountRate == null)) {
            throw new IllegalArgumentException("discountDays and discountRate go together");
        }
        if (discountDays != null && (discountDays < 0 || discountDays > MAX_DAYS)) {
            throw new IllegalArgumentException("discount days must be between 0 and " + MAX_DAYS);
        }
        if (discountRate != null && (discountRate.signum() <= 0 || discountRate.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("discount rate must be a fraction above 0 and below 1");
        }
    }

    public PaymentTerms(PaymentTermsType type, int days) {
        this(type, days, null, null);
    }

    public LocalDate dueDate(LocalDate issueDate) {
        return switch (type) {
            case NET -> issueDate.plusDays(days);
            case END_OF_MONTH -> issueDate.with(TemporalAdjusters.lastDayOfMonth()).plusDays(days);
        };
    }

    public boolean hasDiscount() {
        return discountDays != null;
    }

    /** The last day the early-payment discount may be taken. */
    public Optional<LocalDate> discountDate(LocalDate issueDate) {
        return hasDiscount() ? Optional.of(issueDate.plusDays(discountDays)) : Optional.empty();
    }

    /** The discount on {@code total}, rounded like every amount of the document's currency. */
    public Optional<BigDecimal> discountAmount(BigDecimal total, String currency) {
        return hasDiscount() ? Optional.of(Currencies.round(total.multiply(discountRate), currency)) : Optional.empty();
    }

    /** These terms in the event catalogue's vocabulary. */
    public io.receivables.contracts.events.PaymentTerms toContract() {
        return new io.receivables.contracts.events.PaymentTerms(
                io.receivables.contracts.events.PaymentTerms.Type.valueOf(type.name()), days, discountDays,
                discountRate == null ? null : discountRate.stripTrailingZeros());
    }
}
