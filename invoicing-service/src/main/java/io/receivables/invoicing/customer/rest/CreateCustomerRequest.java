package io.receivables.invoicing.customer.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.receivables.common.money.DecimalStrings;
import io.receivables.contracts.EmailAddresses;

public record CreateCustomerRequest(
        @NotBlank @Size(max = 200) String legalName,
        @Size(max = 50) String taxId,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @Valid PaymentTermsRequest paymentTerms,
        @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"50000.00\"") String creditLimit,
        @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "must be a lower-case segment name such as strategic, standard or high-risk") String segment,
        @Pattern(regexp = EmailAddresses.REGEX, message = "must be an e-mail address such as ap@example.com") @Size(max = EmailAddresses.MAX_LENGTH) String billingEmail) {
}
