package io.receivables.payments.payment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account (IBAN) a customer paid from: the next payment from it identifies the customer without being told. */
@Entity
@Table(name = "payer_account")
public class PayerAccount {

    @Id
    public String account;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;
}
