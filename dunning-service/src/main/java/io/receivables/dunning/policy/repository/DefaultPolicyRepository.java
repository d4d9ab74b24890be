package io.receivables.dunning.policy.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.policy.DefaultPolicy;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DefaultPolicyRepository implements PanacheRepositoryBase<DefaultPolicy, Short> {

    /** Sets the default in one statement, so that two first settings at once cannot collide. */
    public Uni<Void> assign(UUID policyId, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO dunning_default_policy (id, policy_id, updated_at) VALUES (1, :policy, :at)"
                        + " ON CONFLICT (id) DO UPDATE SET policy_id = EXCLUDED.policy_id,"
                        + " updated_at = EXCLUDED.updated_at")
                .setParameter("policy", policyId).setParameter("at", at).executeUpdate()).replaceWithVoid();
    }
}
