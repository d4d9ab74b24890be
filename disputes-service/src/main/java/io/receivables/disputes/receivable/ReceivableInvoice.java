package io.receivables.disputes.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.receivables.common.money.Currencies;

/**
 * An invoice as this service sees it: what invoicing published (issued, credited, voided, written off) and what
 * payments settled on it. {@link #openAmount} follows one rule, {@link #recomputeOpenAmount()}. Its row is the lock
 * that serialises the openings of disputes on it.
 */
@Entity
@Table(name = "receivable_invoice")
public class ReceivableInvoice {

    @Id
    @Column(name = "invoice_id")
    public UUID id;

    @Column(name = "invoice_number", nullable = false, length = 64)
    public String number;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "issue_date", nullable = false)
    public LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public BigDecimal total;

    @Column(name = "amount_credited", nullable = false)
    public BigDecimal amountCredited = BigDecimal.ZERO;

    @Column(name = "amount_paid", nullable = false)
    public BigDecimal amountPaid = BigDecimal.ZERO;

    @Column(name = "amount_discounted", nullable = false)
    public BigDecimal amountDiscounted = BigDecimal.ZERO;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public InvoiceState state;

    @Column(name = "open_amount", nullable = false)
    public BigDecimal openAmount;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Version
    public long version;

    /**
     * The one rule for what is open: {@code total − credited − paid − discounted}, never below zero, and nothing once
     * voided or written off (invoicing's own rule).
     */
    public void recomputeOpenAmount() {
        BigDecimal remaining = total.subtract(amountCredited).subtract(amountPaid).subtract(amountDiscounted);
        openAmount = Currencies.round(state == InvoiceState.OPEN ? remaining.max(BigDecimal.ZERO) : BigDecimal.ZERO,
                currency);
    }
}
