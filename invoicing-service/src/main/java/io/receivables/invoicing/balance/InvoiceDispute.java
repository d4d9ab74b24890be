package io.receivables.invoicing.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dispute on an invoice, open from dispute-opened until dispute-resolved. */
@Entity
@Table(name = "invoice_dispute")
public class InvoiceDispute {

    @Id
    @Column(name = "dispute_id")
    public UUID disputeId;

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(name = "disputed_amount", nullable = false)
    public BigDecimal disputedAmount;

    @Column(name = "reason_code", nullable = false, length = 32)
    public String reasonCode;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(length = 32)
    public String outcome;

    @Column(name = "credited_amount")
    public BigDecimal creditedAmount;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public boolean open() {
        return resolvedAt == null;
    }
}
