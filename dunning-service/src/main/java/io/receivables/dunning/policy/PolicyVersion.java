package io.receivables.dunning.policy;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** What one version of a policy was (its steps are {@link PolicyStep} rows of that version); never changed. */
@Entity
@Table(name = "dunning_policy_version")
@IdClass(PolicyVersion.Key.class)
public class PolicyVersion {

    @Id
    @Column(name = "policy_id")
    public UUID policyId;

    @Id
    public long version;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(length = 500)
    public String description;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public static class Key implements Serializable {

        public UUID policyId;
        public long version;

        public Key() {
        }

        public Key(UUID policyId, long version) {
            this.policyId = policyId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(policyId, key.policyId) && version == key.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(policyId, version);
        }
    }
}
