package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

/**
 * When a document falls due: {@link Type#NET} is the issue date plus {@code days}; {@link Type#END_OF_MONTH} is the last
 * day of the issue month plus {@code days}.
 */
public record PaymentTerms(Type type, int days) {

    public enum Type {
        NET,
        END_OF_MONTH
    }

    public PaymentTerms {
        requireNonNull(type, "type");
    }

    public static PaymentTerms net(int days) {
        return new PaymentTerms(Type.NET, days);
    }
}
