package io.receivables.disputes.dispute;

/**
 * How a dispute ended: CUSTOMER_FAVOUR credits the disputed amount, PARTIAL a smaller amount, COMPANY_FAVOUR nothing
 * (the amount is collected again), WITHDRAWN nothing (the customer took it back).
 */
public enum Outcome {
    CUSTOMER_FAVOUR,
    PARTIAL,
    COMPANY_FAVOUR,
    WITHDRAWN
}
