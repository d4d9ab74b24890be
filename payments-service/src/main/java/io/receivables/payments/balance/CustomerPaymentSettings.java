package io.receivables.payments.balance;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How payments treats one customer's money; a customer without a row has the defaults (everything off). */
@Entity
@Table(name = "customer_payment_settings")
public class CustomerPaymentSettings {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    /** Apply the customer's unapplied cash to each invoice issued to it, as its invoice-issued arrives. */
    @Column(name = "auto_apply_credit", nullable = false)
    public boolean autoApplyCredit;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
