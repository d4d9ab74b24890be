package io.receivables.disputes.dispute;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer's dispute of all or part of an invoice. Its invoice, customer and currency are copied from this service's
 * view of invoicing when it is opened. The SLA due times are in business days from {@link #openedAt}; a breach is
 * stamped by a conditional update, not through this entity, so that two replicas publish it once.
 */
@Entity
@Table(name = "dispute")
public class Dispute {

    @Id
    public UUID id;

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(name = "invoice_number", nullable = false, length = 64)
    public String invoiceNumber;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "disputed_amount", nullable = false)
    public BigDecimal disputedAmount;

    /** The invoice lines the dispute is about, ascending; empty when it names none (disputes-003). */
    @Convert(converter = LineNumbers.class)
    @Column(name = "disputed_lines", length = 2000)
    public List<Integer> disputedLines = List.of();

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", nullable = false, length = 32)
    public ReasonCode reasonCode;

    @Column(length = 4000)
    public String description;

    @Column(name = "contact_name", length = 200)
    public String contactName;

    @Column(name = "contact_email", length = 254)
    public String contactEmail;

    @Column(name = "contact_phone", length = 40)
    public String contactPhone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public DisputeState state;

    @Column(nullable = false, length = 64)
    public String team;

    /** Null while it waits, unassigned, in its team's queue. */
    @Column(length = 100)
    public String owner;

    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    public Outcome outcome;

    @Column(name = "credited_amount")
    public BigDecimal creditedAmount;

    @Column(name = "resolution_note", length = 4000)
    public String resolutionNote;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "first_response_at")
    public Instant firstResponseAt;

    @Column(name = "first_response_due_at")
    public Instant firstResponseDueAt;

    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;

    @Column(name = "first_response_breached_at")
    public Instant firstResponseBreachedAt;

    @Column(name = "resolution_breached_at")
    public Instant resolutionBreachedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "reopened_count", nullable = false)
    public int reopenedCount;

    /** The charged-back payment, for a dispute the platform opened on a chargeback. */
    @Column(name = "payment_id")
    public UUID paymentId;

    /** The gateway's deadline for evidence against a chargeback, when it gave one. */
    @Column(name = "evidence_due_at")
    public Instant evidenceDueAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
