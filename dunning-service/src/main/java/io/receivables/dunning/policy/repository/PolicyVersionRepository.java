package io.receivables.dunning.policy.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.policy.PolicyVersion;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PolicyVersionRepository implements PanacheRepositoryBase<PolicyVersion, PolicyVersion.Key> {

    public Uni<PolicyVersion> find(UUID policyId, long version) {
        return findById(new PolicyVersion.Key(policyId, version));
    }
}
