package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * One line of an {@link InvoiceIssued}. {@code taxRate} is a fraction (0.20 for 20 %); a negative {@code unitPrice} is a
 * discount line. {@code vatExemption} (optional) says why a zero-rated line carries no VAT: exempt or reverse charge.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceLine(
        int lineNumber,
        String description,
        @DecimalString BigDecimal quantity,
        @DecimalString BigDecimal unitPrice,
        @DecimalString BigDecimal taxRate,
        @DecimalString BigDecimal netAmount,
        @DecimalString BigDecimal taxAmount,
        VatExemption vatExemption) {

    /** A line taxed at its rate (or zero-rated), without exemption. */
    public InvoiceLine(int lineNumber, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal taxRate, BigDecimal netAmount, BigDecimal taxAmount) {
        this(lineNumber, description, quantity, unitPrice, taxRate, netAmount, taxAmount, null);
    }

    public InvoiceLine {
        requireNonNull(description, "description");
        requireNonNull(quantity, "quantity");
        requireNonNull(unitPrice, "unitPrice");
        requireNonNull(taxRate, "taxRate");
        requireNonNull(netAmount, "netAmount");
        requireNonNull(taxAmount, "taxAmount");
    }
}
