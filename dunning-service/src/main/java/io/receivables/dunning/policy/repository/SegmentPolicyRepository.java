package io.receivables.dunning.policy.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.policy.SegmentPolicy;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SegmentPolicyRepository implements PanacheRepositoryBase<SegmentPolicy, String> {

    /** Sets the segment's policy in one statement, so that two first assignments at once cannot collide. */
    public Uni<Void> assign(String segment, UUID policyId, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO dunning_segment_policy (segment, policy_id, updated_at) VALUES (:segment, :policy, :at)"
                        + " ON CONFLICT (segment) DO UPDATE SET policy_id = EXCLUDED.policy_id,"
                        + " updated_at = EXCLUDED.updated_at")
                .setParameter("segment", segment).setParameter("policy", policyId).setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }
}
