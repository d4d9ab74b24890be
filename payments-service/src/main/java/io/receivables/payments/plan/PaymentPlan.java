package io.receivables.payments.plan;

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

/**
 * A payment plan: its invoices ({@link PlanInvoice}) are paid by a down payment and instalments
 * ({@link PlanInstalment}) adding up to {@link #total}. What it has been paid is not stored but derived from the
 * invoices ({@link PlanInvoice#settledAtStart}). Leaving ACTIVE is a conditional update (PlanEvaluation), not a change
 * of this entity, except for a cancellation, which holds the row's lock.
 */
@Entity
@Table(name = "payment_plan")
public class PaymentPlan {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false)
    public BigDecimal total;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PlanStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "broken_on")
    public LocalDate brokenOn;

    /** The instalment that broke it (0: the down payment). */
    @Column(name = "broken_instalment")
    public Integer brokenInstalment;

    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;

    /** When it left ACTIVE. */
    @Column(name = "ended_at")
    public Instant endedAt;

    @Version
    public long version;
}
