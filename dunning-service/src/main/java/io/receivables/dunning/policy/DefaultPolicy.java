package io.receivables.dunning.policy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The policy of customers whose segment has none: one row, id 1. */
@Entity
@Table(name = "dunning_default_policy")
public class DefaultPolicy {

    public static final short ID = 1;

    @Id
    public short id;

    @Column(name = "policy_id", nullable = false)
    public UUID policyId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
