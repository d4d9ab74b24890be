package io.receivables.dunning.receivable;

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
 * An invoice as dunning sees it: what invoicing published (issued, credited, voided, written off), what payments settled
 * on it and what open disputes hold from collection. {@link #openAmount} follows one rule,
 * {@link #recomputeOpenAmount()}; what may be collected is {@link #collectableAmount()}.
 */
@Entity
@Table(name = "dunning_invoice")
public class DunningInvoice {

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

    /** The sum of the open disputes on it: held from collection. */
    @Column(name = "disputed_amount", nullable = false)
    public BigDecimal disputedAmount = BigDecimal.ZERO;

    /** On a fee invoice: the late fee it bills (a fee is never charged on it). */
    @Column(name = "late_fee_id")
    public UUID lateFeeId;

    /** On a fee invoice: the overdue invoice the fee was charged on. */
    @Column(name = "fee_for_invoice_id")
    public UUID feeForInvoiceId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Version
    public long version;

    /**
     * The one rule for what is open: {@code total − credited − paid − discounted}, never below zero, and nothing once
     * voided or written off (invoicing's own rule, as disputes and payments apply it).
     */
    public void recomputeOpenAmount() {
        BigDecimal remaining = total.subtract(amountCredited).subtract(amountPaid).subtract(amountDiscounted);
        openAmount = Currencies.round(state == InvoiceState.OPEN ? remaining.max(BigDecimal.ZERO) : BigDecimal.ZERO,
                currency);
    }

    /** What dunning may ask for: the open amount less what is disputed, never below zero. */
    public BigDecimal collectableAmount() {
        return Collectable.amount(openAmount, disputedAmount);
    }

    public boolean isFeeInvoice() {
        return lateFeeId != null;
    }
}
