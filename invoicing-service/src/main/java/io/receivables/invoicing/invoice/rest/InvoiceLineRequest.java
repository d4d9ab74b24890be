package io.receivables.invoicing.invoice.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.receivables.common.money.DecimalStrings;

/** Quantity, unit price and tax rate are decimal strings: money and rates are never floating point. */
public record InvoiceLineRequest(
        @NotBlank @Size(max = 500) String description,
        @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"2\" or \"1.5\"") String quantity,
        @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"50.00\"") String unitPrice,
        @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal fraction such as \"0.20\" for 20 %") String taxRate) {
}
