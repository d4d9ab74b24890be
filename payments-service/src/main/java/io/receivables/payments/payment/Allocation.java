package io.receivables.payments.payment;

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

import io.receivables.payments.matching.MatchingRule;

/**
 * Part of a payment applied to one invoice, with the rule that made it, how sure it was and why, and the date it
 * counts from. Removed (unallocated, or its payment reversed) it stays on record with the date it stopped counting.
 */
@Entity
@Table(name = "payment_allocation")
public class Allocation {

    @Id
    public UUID id;

    @Column(name = "payment_id", nullable = false)
    public UUID paymentId;

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(nullable = false)
    public BigDecimal amount;

    /** An early-payment discount it settled on top of {@link #amount}; null when none. */
    public BigDecimal discount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public MatchingRule rule;

    @Column(nullable = false)
    public BigDecimal confidence;

    @Column(nullable = false, length = 500)
    public String explanation;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "allocated_at", nullable = false)
    public Instant allocatedAt;

    @Column(name = "removed_on")
    public LocalDate removedOn;

    @Column(name = "removed_at")
    public Instant removedAt;

    public boolean active() {
        return removedAt == null;
    }
}
