package io.receivables.common.testapp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.receivables.common.money.DecimalStrings;

/** The body of POST and PUT: a text, a code, a decimal string and an integer, enough to probe strict JSON. */
public record TrackedInvoiceRequest(
        @NotBlank @Size(max = 64) String reference,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"120.00\"") String total,
        @NotNull @Min(0) @Max(365) Integer termsDays) {
}
