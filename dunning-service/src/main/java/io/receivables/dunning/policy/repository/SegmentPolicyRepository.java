package io.receivables.dunning.policy.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.policy.SegmentPolicy;

@ApplicationScoped
public class SegmentPolicyRepository implements PanacheRepositoryBase<SegmentPolicy, String> {
}
