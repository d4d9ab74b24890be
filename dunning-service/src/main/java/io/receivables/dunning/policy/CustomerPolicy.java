package io.receivables.dunning.policy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's own policy, overriding its segment's and the default. */
@Entity
@Table(name = "dunning_customer_policy")
public class CustomerPolicy {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "policy_id", nullable = false)
    public UUID policyId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
