package io.receivables.disputes.dispute.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;
import io.receivables.disputes.dispute.Outcome;
import io.receivables.disputes.dispute.service.Resolve;

/** The body of POST /disputes/{id}/resolution. */
public record ResolutionRequest(
        @Schema(required = true, description = "CUSTOMER_FAVOUR (the disputed amount is credited), PARTIAL (creditedAmount, less than the disputed amount) or COMPANY_FAVOUR (nothing credited; collection resumes). WITHDRAWN is POST /disputes/{id}/withdrawal.") @NotNull Outcome outcome,
        @Schema(description = "Required for PARTIAL; for CUSTOMER_FAVOUR the disputed amount when given, for COMPANY_FAVOUR zero when given") @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"30.00\"") String creditedAmount,
        @Schema(required = true, description = "Why it was decided so; shown to the customer with the credit note") @NotBlank @Size(max = 2000) String note) {

    public Resolve command() {
        return new Resolve(outcome, creditedAmount == null ? null : new BigDecimal(creditedAmount), note);
    }
}
