package io.receivables.payments.matching;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One allocation cash application proposes: {@code amount} of the payment to the invoice, plus a {@code discount}
 * (null when none) that the early-payment terms let the payer keep, both settling the invoice; why ({@code rule},
 * {@code explanation}) and how sure ({@code confidence}, 0 to 1).
 */
public record Match(UUID invoiceId, BigDecimal amount, BigDecimal discount, MatchingRule rule, BigDecimal confidence,
        String explanation) {
}
