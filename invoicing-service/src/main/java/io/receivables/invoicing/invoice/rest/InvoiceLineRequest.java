package io.receivables.invoicing.invoice.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;

/**
 * Quantity, unit price and tax rate are decimal strings: money and rates are never floating point. A zero-rated line may
 * say why it carries no VAT ({@code vatExemption}): exempt or reverse charge, as e-invoices must state it.
 */
public record InvoiceLineRequest(
        @NotBlank @Size(max = 500) String description,
        @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"2\" or \"1.5\"") String quantity,
        @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"50.00\"") String unitPrice,
        @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal fraction such as \"0.20\" for 20 %") String taxRate,
        @Schema(description = "Only with taxRate 0: why the line carries no VAT (EN 16931 VAT category E exempt or AE reverse charge). Without it a zero rate is category Z (zero-rated). An invoice's zero-rated lines share one.") @Valid VatExemptionRequest vatExemption) {

    /** A line taxed at its rate, or zero-rated. */
    public InvoiceLineRequest(String description, String quantity, String unitPrice, String taxRate) {
        this(description, quantity, unitPrice, taxRate, null);
    }

    /** Why a zero-rated line carries no VAT. */
    public record VatExemptionRequest(
            @Schema(description = "E: exempt from VAT (reason required); AE: reverse charge, the buyer accounts for the VAT (the customer needs a taxId)", enumeration = {
                    "E",
                    "AE" }) @NotNull @Pattern(regexp = "E|AE", message = "must be E (exempt) or AE (reverse charge)") String category,
            @Schema(description = "The reason in words (EN 16931 BT-120), e.g. \"Exempt under Article 132 of Directive 2006/112/EC\"; for AE default \"Reverse charge\"") @Size(max = 300) String reason,
            @Schema(description = "Its code from the VATEX code list (BT-121), e.g. VATEX-EU-132; for AE default VATEX-EU-AE") @Pattern(regexp = "VATEX-[A-Z0-9-]{1,24}", message = "must be a VATEX code such as VATEX-EU-132") String reasonCode){
    }
}
