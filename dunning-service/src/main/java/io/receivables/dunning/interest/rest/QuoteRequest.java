package io.receivables.dunning.interest.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;

/** The body of {@code POST /interest/quotes}: one overdue invoice on one assessment date. */
public record QuoteRequest(
        @Schema(required = true, description = "The invoice's currency (ISO 4217)", examples = "EUR") @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
        @Schema(description = "Whose rules apply, by code (GET /interest/jurisdictions); give this or country", examples = "DE") @Pattern(regexp = "^[A-Z][A-Z0-9_-]{0,31}$", message = "must be a jurisdiction code such as EU or DE") String jurisdiction,
        @Schema(description = "The customer's country (ISO 3166-1 alpha-2): its own rules if configured, else the default jurisdiction; give this or jurisdiction", examples = "AT") @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as DE") String country,
        @Schema(required = true, description = "The invoice's due date; interest runs from the day after") @NotNull LocalDate dueDate,
        @Schema(required = true, description = "The last day of interest, included; not before dueDate") @NotNull LocalDate assessmentDate,
        @Schema(required = true, description = "The overdue amount over time, oldest first: each from its date (included) to the next; the first dated no later than the day after dueDate") @NotNull(message = "must name the overdue amount from the due date on") @Size(min = 1, max = 1000) List<@NotNull @Valid BalanceChangeRequest> balances,
        @Schema(description = "The dunning step's fixed fee, as its policy says; omitted: none", examples = "5.00") @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"5.00\"") String stepFee,
        @Schema(description = "Whether the invoice was already charged the fixed compensation (it is charged once per invoice); default false") Boolean compensationAlreadyCharged,
        @Schema(description = "Whether the invoice is itself a fee invoice, which is never charged interest or fees (the quote is zero); default false") Boolean feeInvoice) {

    /** From {@code from} on, {@code amount} of the invoice is overdue. */
    @Schema(name = "QuoteBalanceChange")
    public record BalanceChangeRequest(
            @Schema(required = true, description = "The first day this amount is overdue (a payment received that day already counts)") @NotNull LocalDate from,
            @Schema(required = true, description = "The overdue amount, in the currency's minor units at most", examples = "1000.00") @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"1000.00\"") String amount) {
    }
}
