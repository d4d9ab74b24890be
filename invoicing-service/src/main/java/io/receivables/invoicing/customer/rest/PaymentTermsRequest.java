package io.receivables.invoicing.customer.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.receivables.invoicing.terms.PaymentTerms;
import io.receivables.invoicing.terms.PaymentTermsType;

/** {@code {"type": "NET", "days": 30}}: net 30; {@code END_OF_MONTH} counts from the last day of the issue month. */
public record PaymentTermsRequest(@NotNull PaymentTermsType type,
        @NotNull @Min(0) @Max(PaymentTerms.MAX_DAYS) Integer days) {

    public PaymentTerms toTerms() {
        return new PaymentTerms(type, days);
    }
}
