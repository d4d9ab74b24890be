package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * One line of an {@link InvoiceIssued}. {@code taxRate} is a fraction (0.20 for 20 %); a negative {@code unitPrice} is a
 * discount line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceLine(
        int lineNumber,
        String description,
        @DecimalString BigDecimal quantity,
        @DecimalString BigDecimal unitPrice,
        @DecimalString BigDecimal taxRate,
        @DecimalString BigDecimal netAmount,
        @DecimalString BigDecimal taxAmount) {

    public InvoiceLine {
        requireNonNull(description, "description");
        requireNonNull(quantity, "quantity");
        requireNonNull(unitPrice, "unitPrice");
        requireNonNull(taxRate, "taxRate");
        requireNonNull(netAmount, "netAmount");
        requireNonNull(taxAmount, "taxAmount");
    }
}
