package io.receivables.dunning.receivable;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What one payment settles on one invoice: its allocations there less what was taken back, and the early-payment
 * discount they took. A reversal gives back exactly this.
 */
@Entity
@Table(name = "dunning_settlement")
public class Settlement {

    @Id
    public UUID id;

    @Column(name = "payment_id", nullable = false)
    public UUID paymentId;

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(nullable = false)
    public BigDecimal amount = BigDecimal.ZERO;

    @Column(nullable = false)
    public BigDecimal discount = BigDecimal.ZERO;

    @Column(nullable = false)
    public boolean reversed;
}
