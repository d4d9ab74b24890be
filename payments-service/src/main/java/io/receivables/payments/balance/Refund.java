package io.receivables.payments.balance;

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

import io.receivables.contracts.events.RefundIssued;

/** Unapplied cash paid back to a customer; which payments it came from is in refund_source. */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "refund_date", nullable = false)
    public LocalDate refundDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RefundIssued.Method method;

    @Column(name = "payee_account", length = 34)
    public String payeeAccount;

    @Column(length = 1000)
    public String note;

    /** The source's id of what was refunded when the money went back there (a Stripe charge id); else null. */
    @Column(name = "external_reference", length = 200)
    public String externalReference;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
}
