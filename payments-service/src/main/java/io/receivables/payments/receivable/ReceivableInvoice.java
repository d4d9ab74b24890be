package io.receivables.payments.receivable;

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
import io.receivables.payments.matching.Candidate;

/**
 * An invoice as this service sees it: what invoicing published (issued, credited, voided, written off) and what this
 * service allocated to it. {@link #openAmount} follows one rule, {@link #recomputeOpenAmount()}.
 */
@Entity
@Table(name = "receivable_invoice")
public class ReceivableInvoice {

    @Id
    @Column(name = "invoice_id")
    public UUID id;

    @Column(name = "invoice_number", nullable = false, length = 64)
    public String number;

    @Column(name = "number_key", nullable = false, length = 64)
    public String numberKey;

    @Column(name = "number_core", nullable = false, length = 64)
    public String numberCore;

    @Column(name = "creditor_reference", nullable = false, length = 25)
    public String creditorReference;

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

    @Column(name = "discount_date")
    public LocalDate discountDate;

    @Column(name = "discount_amount")
    public BigDecimal discountAmount;

    @Column(name = "amount_credited", nullable = false)
    public BigDecimal amountCredited = BigDecimal.ZERO;

    /** What this service's active allocations pay on it. */
    @Column(name = "amount_allocated", nullable = false)
    public BigDecimal amountAllocated = BigDecimal.ZERO;

    /** Early-payment discounts its allocations took: settled, though not paid. */
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
     * The one rule for what is open: {@code total − credited − allocated − discounted}, never below zero, and nothing
     * once voided or written off (invoicing's own rule, with this service's allocations as the payments).
     */
    public void recomputeOpenAmount() {
        BigDecimal remaining = total.subtract(amountCredited).subtract(amountAllocated).subtract(amountDiscounted);
        openAmount = Currencies.round(state == InvoiceState.OPEN ? remaining.max(BigDecimal.ZERO) : BigDecimal.ZERO,
                currency);
    }

    /** The invoice as cash application weighs it. */
    public Candidate candidate() {
        boolean untouched = amountCredited.signum() == 0 && amountAllocated.signum() == 0
                && amountDiscounted.signum() == 0;
        return new Candidate(id, number, numberKey, numberCore, creditorReference, issueDate, dueDate, openAmount,
                discountDate, discountAmount == null ? null : Currencies.round(discountAmount, currency), untouched);
    }
}
