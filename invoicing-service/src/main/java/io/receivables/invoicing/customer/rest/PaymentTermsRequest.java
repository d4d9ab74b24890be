package io.receivables.invoicing.customer.rest;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;
import io.receivables.common.problem.FieldError;
import io.receivables.invoicing.terms.PaymentTerms;
import io.receivables.invoicing.terms.PaymentTermsType;

/**
 * {@code {"type": "NET", "days": 30}}: net 30; {@code END_OF_MONTH} counts from the last day of the issue month. With
 * {@code "discountDays": 10, "discountRate": "0.02"} it is "2/10 net 30".
 */
public record PaymentTermsRequest(@NotNull PaymentTermsType type,
        @NotNull @Min(0) @Max(PaymentTerms.MAX_DAYS) Integer days,
        @Schema(description = "Early-payment discount window in days from the issue date; needs discountRate") @Min(0) @Max(PaymentTerms.MAX_DAYS) Integer discountDays,
        @Schema(description = "Early-payment discount as a fraction, e.g. \"0.02\"; needs discountDays") @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"0.02\"") String discountRate) {

    /**
     * The domain terms, or null with the reasons added to {@code errors} under {@code field} (e.g.
     * {@code paymentTerms.discountRate}). Runs after bean validation, so the numbers are well-formed.
     */
    public PaymentTerms toTerms(String field, List<FieldError> errors) {
        int before = errors.size();
        BigDecimal rate = discountRate == null ? null : DecimalStrings.parse(discountRate);
        if ((discountDays == null) != (rate == null)) {
            errors.add(new FieldError(field + (discountDays == null ? ".discountDays" : ".discountRate"),
                    "discountDays and discountRate go together (\"2/10 net 30\": 10 and \"0.02\")"));
        }
        if (rate != null && (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) >= 0)) {
            errors.add(new FieldError(field + ".discountRate", "must be a fraction above 0 and below 1 (0.02 for 2 %)"));
        }
        if (discountDays != null && type == PaymentTermsType.NET && discountDays > days) {
            errors.add(new FieldError(field + ".discountDays", "must not exceed days (" + days + "): the discount ends"
                    + " before the invoice falls due"));
        }
        return errors.size() > before ? null : new PaymentTerms(type, days, discountDays, rate);
    }
}
