package io.receivables.payments.matching;

import java.math.BigDecimal;

/**
 * The rule that made an allocation, with the confidence it gives. Automatic rules run in this order; the first that
 * matches decides. Below the configured threshold nothing is applied and the payment waits for review.
 */
public enum MatchingRule {
    /** The payer, or the accountant, said which invoices it pays. */
    EXPLICIT("1.00"),
    /** An ISO 11649 creditor reference (RF…) with valid check digits names exactly one invoice. */
    CREDITOR_REFERENCE("0.99"),
    /** Invoice numbers found in the remittance text; 0.90 when found without their prefix ({@link #NUMBER_CORE}). */
    INVOICE_NUMBER("0.95"),
    /** The one open invoice of the customer whose open amount equals the payment. */
    EXACT_AMOUNT("0.85"),
    /** The one open invoice whose amount less its early-payment discount equals the payment, within the window. */
    DISCOUNTED_AMOUNT("0.80"),
    /** The one smallest set of up to five open invoices whose open amounts sum exactly to the payment. */
    COMBINATION("0.75"),
    /** The configured policy for money no rule matched: oldest due first. */
    OLDEST_FIRST("0.60"),
    /** An accountant allocated it by hand (POST /payments/{id}/allocations). */
    MANUAL("1.00"),
    /**
     * Unapplied cash applied to an invoice as it was issued, because the customer asked for that (its payment setting
     * autoApplyCredit): no guess, so as sure as a manual allocation. Never a rule of {@link CashApplication}.
     */
    AUTO_APPLY_CREDIT("1.00");

    /** An invoice number found in the text without its leading letters ("2026-000123" for INV-2026-000123). */
    public static final BigDecimal NUMBER_CORE = new BigDecimal("0.90");
    /** More than one invoice (or set) fits equally: the oldest is proposed, but only this sure. */
    public static final BigDecimal AMBIGUOUS = new BigDecimal("0.55");

    private final BigDecimal confidence;

    MatchingRule(String confidence) {
        this.confidence = new BigDecimal(confidence);
    }

    public BigDecimal confidence() {
        return confidence;
    }
}
