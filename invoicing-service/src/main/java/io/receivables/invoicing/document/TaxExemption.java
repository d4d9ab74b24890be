package io.receivables.invoicing.document;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a zero-rated line carries no VAT, as EN 16931 requires it stated (BR-E-10, BR-AE-10): exempt (category E) or
 * reverse charge (AE: the buyer accounts for the VAT), with the reason in words and optionally its code from the
 * VATEX code list (e.g. VATEX-EU-132 for exemptions under Article 132 of the VAT directive, VATEX-EU-AE).
 */
public record TaxExemption(VatCategory category, Optional<String> reasonCode, String reason) {

    /** VATEX code of the reverse charge. */
    public static final String REVERSE_CHARGE_CODE = "VATEX-EU-AE";
    public static final String REVERSE_CHARGE_REASON = "Reverse charge";

    public TaxExemption {
        Objects.requireNonNull(category, "category");
        if (category != VatCategory.EXEMPT && category != VatCategory.REVERSE_CHARGE) {
            throw new IllegalArgumentException("Only exempt (E) and reverse charge (AE) lines state a reason");
        }
        Objects.requireNonNull(reasonCode, "reasonCode");
        InvoiceDocument.requireText(reason, "exemption reason");
    }

    /** Exempt for the reason given in words. */
    public static TaxExemption exempt(String reason) {
        return new TaxExemption(VatCategory.EXEMPT, Optional.empty(), reason);
    }

    /** Reverse charge: the buyer, whose VAT id the document must carry (BR-AE-02), accounts for the VAT. */
    public static TaxExemption reverseCharge() {
        return new TaxExemption(VatCategory.REVERSE_CHARGE, Optional.of(REVERSE_CHARGE_CODE), REVERSE_CHARGE_REASON);
    }
}
