package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.UUID;

import io.receivables.contracts.json.DecimalString;

/** The part of a payment applied to one invoice, in the payment's currency. */
public record PaymentAllocation(UUID invoiceId, @DecimalString BigDecimal amount) {

    public PaymentAllocation {
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(amount, "amount");
    }
}
