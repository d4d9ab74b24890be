package io.receivables.dunning.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One dispute as disputes published it: the amount it disputes on its invoice and whether it holds that amount from
 * collection now (opened or reopened, not resolved). An invoice's disputed amount is the sum of its open ones.
 */
@Entity
@Table(name = "dunning_dispute")
public class DisputeHold {

    @Id
    @Column(name = "dispute_id")
    public UUID id;

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "disputed_amount", nullable = false)
    public BigDecimal disputedAmount;

    @Column(nullable = false)
    public boolean open;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
