package io.receivables.dunning.promise.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;
import io.receivables.dunning.promise.service.MakePromise;

/** The body of POST /customers/{id}/promises-to-pay; mapped to {@link MakePromise} here. */
public record PromiseRequest(
        @Schema(required = true, description = "What the customer promises to pay: more than 0, at most what is collectable on the invoices (open less disputed), at most the currency's decimals", examples = "800.00") @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"800.00\"") String amount,
        @Schema(required = true, description = "ISO 4217; the invoices' currency", pattern = "^[A-Z]{3}$") String currency,
        @Schema(required = true, description = "The day the customer promises to pay by: today or later, at most receivables.dunning.promise.max-days-ahead (90) days ahead") LocalDate promisedDate,
        @Schema(required = true, description = "The customer's open invoices the promise pays, 1 to 100, each once and not under another OPEN promise", minItems = 1, maxItems = 100) List<UUID> invoiceIds,
        @Schema(nullable = true, maxLength = 1000, description = "What was agreed, for the collector") String note) {

    public MakePromise command(UUID customerId) {
        return new MakePromise(customerId, amount == null ? null : new BigDecimal(amount), currency, promisedDate,
                invoiceIds, note);
    }
}
