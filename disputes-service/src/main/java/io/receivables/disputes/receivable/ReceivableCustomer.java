package io.receivables.disputes.receivable;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer as invoicing published it. Known from its customer-registered or customer-updated, or, when those are
 * older than the topic keeps, from its first invoice (then without name and currency until it is updated).
 */
@Entity
@Table(name = "receivable_customer")
public class ReceivableCustomer {

    @Id
    @Column(name = "customer_id")
    public UUID id;

    @Column(name = "legal_name", length = 200)
    public String legalName;

    @Column(length = 3)
    public String currency;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
