package io.receivables.invoicing.document;

import io.receivables.invoicing.document.InvoiceDocument.Line;

/** EN 16931 VAT category codes (UNCL 5305 subset) the platform issues documents with. */
public enum VatCategory {
    /** Standard or reduced rate above zero. */
    STANDARD("S"),
    /** Taxable at a rate of zero. */
    ZERO_RATED("Z"),
    /** Exempt from VAT; EN 16931 requires the reason on the document. */
    EXEMPT("E"),
    /** Reverse charge: the buyer accounts for the VAT; both parties' VAT ids on the document (BR-AE-02). */
    REVERSE_CHARGE("AE");

    private final String code;

    VatCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static VatCategory of(Line line) {
        if (line.taxRate().signum() > 0) {
            return STANDARD;
        }
        return line.exemption().map(TaxExemption::category).orElse(ZERO_RATED);
    }
}
