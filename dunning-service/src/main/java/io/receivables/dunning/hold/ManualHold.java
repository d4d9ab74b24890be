package io.receivables.dunning.hold;

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
 * A collector's hold: no reminders until {@link #until} (inclusive) for its invoices ({@link HoldInvoice}), or for the
 * whole account when it names none. {@link #version} is the ETag, raised under the row's lock.
 */
@Entity
@Table(name = "dunning_hold")
public class ManualHold {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public LocalDate until;

    @Column(nullable = false, length = 500)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public HoldState state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "release_reason", length = 500)
    public String releaseReason;

    @Column(nullable = false)
    public long version;

    public boolean holdsOn(LocalDate date) {
        return state == HoldState.ACTIVE && !date.isAfter(until);
    }
}
