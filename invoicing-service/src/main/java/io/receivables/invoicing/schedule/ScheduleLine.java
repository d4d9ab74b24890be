package io.receivables.invoicing.schedule;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A line of a schedule's invoice template, as stored in {@code billing_schedule_line}. */
@Embeddable
public class ScheduleLine {

    @Column(nullable = false, length = 500)
    public String description;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;

    @Column(name = "tax_rate", nullable = false)
    public BigDecimal taxRate;

    /** E or AE; null for a taxed or zero-rated line. */
    @Column(name = "vat_category", length = 2)
    public String vatCategory;

    /** Required for E; for AE null means the default reason, given when a period is issued. */
    @Column(name = "exemption_reason", length = 300)
    public String exemptionReason;

    @Column(name = "exemption_reason_code", length = 30)
    public String exemptionReasonCode;

    static ScheduleLine of(InvoiceTemplate.Line line) {
        ScheduleLine stored = new ScheduleLine();
        stored.description = line.description();
        stored.quantity = line.quantity();
        stored.unitPrice = line.unitPrice();
        stored.taxRate = line.taxRate();
        InvoiceTemplate.Exemption exemption = line.vatExemption();
        stored.vatCategory = exemption == null ? null : exemption.category();
        stored.exemptionReason = exemption == null ? null : exemption.reason();
        stored.exemptionReasonCode = exemption == null ? null : exemption.reasonCode();
        return stored;
    }

    InvoiceTemplate.Line toLine() {
        return new InvoiceTemplate.Line(description, quantity, unitPrice, taxRate, vatCategory == null ? null
                : new InvoiceTemplate.Exemption(vatCategory, exemptionReason, exemptionReasonCode));
    }
}
