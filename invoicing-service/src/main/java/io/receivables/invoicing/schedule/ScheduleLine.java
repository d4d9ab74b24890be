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

    static ScheduleLine of(InvoiceTemplate.Line line) {
        ScheduleLine stored = new ScheduleLine();
        stored.description = line.description();
        stored.quantity = line.quantity();
        stored.unitPrice = line.unitPrice();
        stored.taxRate = line.taxRate();
        return stored;
    }

    InvoiceTemplate.Line toLine() {
        return new InvoiceTemplate.Line(description, quantity, unitPrice, taxRate);
    }
}
