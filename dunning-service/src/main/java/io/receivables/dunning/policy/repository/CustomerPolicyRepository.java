package io.receivables.dunning.policy.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.policy.CustomerPolicy;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerPolicyRepository implements PanacheRepositoryBase<CustomerPolicy, UUID> {

    /** Sets the customer's override in one statement, so that two first overrides at once cannot collide. */
    public Uni<Void> assign(UUID customerId, UUID policyId, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO dunning_customer_policy (customer_id, policy_id, updated_at) VALUES (:customer, :policy,"
                        + " :at) ON CONFLICT (customer_id) DO UPDATE SET policy_id = EXCLUDED.policy_id,"
                        + " updated_at = EXCLUDED.updated_at")
                .setParameter("customer", customerId).setParameter("policy", policyId).setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }
}
