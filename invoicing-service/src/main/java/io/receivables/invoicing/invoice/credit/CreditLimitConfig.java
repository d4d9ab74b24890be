package io.receivables.invoicing.invoice.credit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "receivables.invoicing.credit-limit")
public interface CreditLimitConfig {

    enum Policy {
        /** An invoice that takes open AR over the limit is refused (422 credit-limit-exceeded). */
        REJECT,
        /** It is issued and flagged ({@code creditCheck.decision = ALLOWED_OVER_LIMIT}) for a credit controller. */
        FLAG
    }

    /** What issuing does when an invoice would take the customer's open AR over its credit limit. */
    @WithDefault("FLAG")
    Policy policy();
}
