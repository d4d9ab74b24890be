package io.receivables.dunning.receivable;

import java.math.BigDecimal;

/** The one rule for what a reminder may ask for on an invoice. */
public final class Collectable {

    private Collectable() {
    }

    /**
     * The open amount less the disputed amount, never below zero: a dispute may name more than is still open (a payment
     * or credit came after it), and then nothing is collectable.
     */
    public static BigDecimal amount(BigDecimal open, BigDecimal disputed) {
        return open.subtract(disputed).max(BigDecimal.ZERO);
    }
}
