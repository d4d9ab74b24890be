package io.receivables.dunning.interest.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;

/** The body of {@code PUT /interest/reference-rates/{kind}/{validFrom}}. */
public record ReferenceRateRequest(
        @Schema(required = true, description = "Percent per year, -10 to 30, at most 4 decimal places", examples = "2.15") @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"2.15\"") String ratePercent,
        @Schema(required = true, description = "Where the figure comes from, e.g. the central bank's press release") @NotBlank @Size(max = 500) String source) {
}
