package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * When a document falls due: {@link Type#NET} is the issue date plus {@code days}; {@link Type#END_OF_MONTH} is the last
 * day of the issue month plus {@code days}. An early-payment discount ("2/10 net 30") has both {@code discountDays} and
 * {@code discountRate}, or neither (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentTerms(Type type, int days, Integer discountDays, @DecimalString BigDecimal discountRate) {

    public enum Type {
        NET,
        END_OF_MONTH
    }

    public PaymentTerms {
        requireNonNull(type, "type");
        if ((discountDays == null) != (discountRate == null)) {
            throw new IllegalArgumentException("discountDays and discountRate go together");
        }
    }

    /** Terms without an early-payment discount. */
    public PaymentTerms(Type type, int days) {
        this(type, days, null, null);
    }

    public static PaymentTerms net(int days) {
        return new PaymentTerms(Type.NET, days);
    }
}
