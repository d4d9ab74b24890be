package io.receivables.disputes.dispute;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a dispute ended: CUSTOMER_FAVOUR credits the disputed amount, PARTIAL a smaller amount, COMPANY_FAVOUR nothing
 * (the amount is collected again), WITHDRAWN nothing (the customer took it back).
 */
@Schema(name = "DisputeOutcome")
public enum Outcome {
    CUSTOMER_FAVOUR,
    PARTIAL,
    COMPANY_FAVOUR,
    WITHDRAWN
}
