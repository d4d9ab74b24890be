package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * The part of a payment applied to one invoice, in the payment's currency. {@code discount} (optional, null) is an
 * early-payment discount the payer took: it settles the invoice together with {@code amount}, but is not money
 * received.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentAllocation(UUID invoiceId, @DecimalString BigDecimal amount, @DecimalString BigDecimal discount) {

    public PaymentAllocation {
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(amount, "amount");
    }

    /** An allocation without a discount. */
    public PaymentAllocation(UUID invoiceId, BigDecimal amount) {
        this(invoiceId, amount, null);
    }
}
