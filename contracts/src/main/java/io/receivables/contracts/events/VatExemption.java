package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a zero-rated invoice line carries no VAT: {@code category} E (exempt) or AE (reverse charge), the reason in words
 * and optionally its VATEX code (e.g. VATEX-EU-AE).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VatExemption(Category category, String reason, String reasonCode) {

    /** EN 16931 VAT category codes of lines without VAT that state why. */
    public enum Category {
        /** Exempt from VAT. */
        E,
        /** Reverse charge: the buyer accounts for the VAT. */
        AE
    }

    public VatExemption {
        requireNonNull(category, "category");
        requireNonNull(reason, "reason");
    }
}
