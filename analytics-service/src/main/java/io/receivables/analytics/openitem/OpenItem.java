package io.receivables.analytics.openitem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An invoice still (at least partly) unpaid, as analytics knows it from the invoicing events. */
@Entity
@Table(name = "open_item")
public class OpenItem {

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;

    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false, length = 3)
    public String currency;

    /** The amount still open, in the invoice currency. */
    @Column(name = "open_amount", nullable = false)
    public BigDecimal openAmount;

    @Column(name = "issue_date", nullable = false)
    public LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
}
