package io.receivables.disputes.receivable;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of an invoice, as its invoice-issued carried it: what a dispute may name by its number. */
@Entity
@Table(name = "receivable_invoice_line")
public class ReceivableInvoiceLine {

    @Id
    public UUID id;

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(name = "line_number", nullable = false)
    public int lineNumber;

    @Column(nullable = false, length = 1000)
    public String description;

    @Column(name = "net_amount", nullable = false)
    public BigDecimal netAmount;

    @Column(name = "tax_amount", nullable = false)
    public BigDecimal taxAmount;
}
