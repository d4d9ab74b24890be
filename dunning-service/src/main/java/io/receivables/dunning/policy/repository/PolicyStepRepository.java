package io.receivables.dunning.policy.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.policy.PolicyStep;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PolicyStepRepository implements PanacheRepositoryBase<PolicyStep, UUID> {

    /** The steps of one version, in order. */
    public Uni<List<PolicyStep>> of(UUID policyId, long version) {
        return list("policyId = ?1 and policyVersion = ?2 order by number", policyId, version);
    }
}
