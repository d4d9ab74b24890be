package io.receivables.invoicing.invoice;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns an invoice line and a credit note line share: what was priced and what it came to, in the document
 * currency's minor units (see InvoiceTotals for the rounding rule).
 */
@MappedSuperclass
public abstract class DocumentLine {

    @Column(name = "line_number", nullable = false)
    public int lineNumber;

    @Column(nullable = false, length = 500)
    public String description;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;

    @Column(name = "tax_rate", nullable = false)
    public BigDecimal taxRate;

    @Column(name = "net_amount", nullable = false)
    public BigDecimal netAmount;

    @Column(name = "tax_amount", nullable = false)
    public BigDecimal taxAmount;

    /** Sets what was priced and what it came to; {@code description} is stored stripped. */
    public void price(int number, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal taxRate,
            BigDecimal netAmount, BigDecimal taxAmount) {
        this.lineNumber = number;
        this.description = description.strip();
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.taxRate = taxRate;
        this.netAmount = netAmount;
        this.taxAmount = taxAmount;
    }
}
