package io.receivables.invoicing.invoice;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    public Invoice invoice;

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
}
