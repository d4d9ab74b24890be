package io.receivables.dunning.policy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The policy of a customer segment. */
@Entity
@Table(name = "dunning_segment_policy")
public class SegmentPolicy {

    @Id
    public String segment;

    @Column(name = "policy_id", nullable = false)
    public UUID policyId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
