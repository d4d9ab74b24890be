package io.receivables.disputes.dispute.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;
import io.receivables.contracts.EmailAddresses;
import io.receivables.disputes.dispute.ReasonCode;
import io.receivables.disputes.dispute.service.OpenDispute;

/** The body of POST /disputes; turned into the service's {@link OpenDispute} command at the edge. */
public record OpenDisputeRequest(
        @Schema(required = true, description = "The disputed invoice, as invoicing published it") @NotNull UUID invoiceId,
        @Schema(required = true, description = "Part or all of what is open on the invoice and not held by its other active disputes; a decimal string with at most the currency's minor units, e.g. \"120.00\"") @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"120.00\"") String disputedAmount,
        @Schema(description = "The invoice's currency (ISO 4217); when given it must be the invoice's") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @Schema(description = "The invoice's line numbers the dispute is about, each once; checked against the invoice's lines") @Size(max = 500) List<Integer> disputedLines,
        @Schema(required = true, description = "Why: CHARGEBACK is opened by the platform only, never through this operation") @NotNull ReasonCode reasonCode,
        @Schema(required = true, description = "The customer's complaint in their words") @NotBlank @Size(max = 2000) String description,
        @Schema(required = true, description = "Who at the customer raised it") @NotNull @Valid ContactRequest contact) {

    /** The customer's contact for this dispute: a name, and an email address or a phone number (or both). */
    public record ContactRequest(
            @Schema(required = true) @NotBlank @Size(max = 200) String name,
            @Schema(description = "Required unless phone is given") @Size(max = EmailAddresses.MAX_LENGTH) @Pattern(regexp = EmailAddresses.REGEX, message = "must be an email address such as ap@example.com") String email,
            @Schema(description = "Required unless email is given") @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()./-]{3,40}", message = "must be a phone number such as +49 30 1234567") String phone) {
    }

    /** The command; the amount was checked to be a decimal string. */
    public OpenDispute command() {
        return new OpenDispute(invoiceId, new BigDecimal(disputedAmount), currency, disputedLines, reasonCode,
                description, new OpenDispute.Contact(contact.name(), contact.email(), contact.phone()));
    }
}
