package io.receivables.dunning.escalation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.receivables.dunning.policy.Escalation;

/**
 * Invoices of one customer a dunning step handed to an agency or to legal ({@link EscalationInvoice}: which, and for how
 * much). {@link #version} is the ETag, raised under the row's lock.
 */
@Entity
@Table(name = "dunning_escalation")
public class EscalatedAccount {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "run_id", nullable = false)
    public UUID runId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Escalation level;

    @Column(name = "step_number", nullable = false)
    public int stepNumber;

    @Column(nullable = false, length = 3)
    public String currency;

    /** The sum of its invoices' escalated amounts. */
    @Column(nullable = false)
    public BigDecimal amount;

    @Column(length = 1000)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public EscalationStatus status;

    @Column(name = "escalated_at", nullable = false)
    public Instant escalatedAt;

    @Column(name = "escalated_by", nullable = false)
    public String escalatedBy;

    @Column(name = "recalled_at")
    public Instant recalledAt;

    @Column(name = "recalled_by")
    public String recalledBy;

    @Column(name = "recall_reason", length = 1000)
    public String recallReason;

    @Column(nullable = false)
    public long version;
}
