package io.receivables.dunning.promise;

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

/**
 * A customer's promise to pay {@link #amount} on some of its invoices by {@link #promisedDate}. {@link #holdUntil} (the
 * date plus the grace period in force when it was made) is fixed then, so that a change of configuration does not move
 * promises already given. {@link #version} is the ETag, raised under the row's lock (not a JPA {@code @Version}).
 */
@Entity
@Table(name = "dunning_promise")
public class PromiseToPay {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "promised_date", nullable = false)
    public LocalDate promisedDate;

    @Column(name = "hold_until", nullable = false)
    public LocalDate holdUntil;

    @Column(length = 1000)
    public String note;

    /** Paid plus discount taken on its invoices when it was made: "paid since" counts from here. */
    @Column(name = "paid_baseline", nullable = false)
    public BigDecimal paidBaseline;

    /** Paid on its invoices since it was made, recorded when it was kept or broken. */
    @Column(name = "amount_paid")
    public BigDecimal amountPaid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PromiseState state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "cancel_reason", length = 1000)
    public String cancelReason;

    @Column(nullable = false)
    public long version;

    /** Whether it keeps its invoices from reminders on {@code date}. */
    public boolean holdsOn(LocalDate date) {
        return state == PromiseState.OPEN && !date.isAfter(holdUntil);
    }
}
