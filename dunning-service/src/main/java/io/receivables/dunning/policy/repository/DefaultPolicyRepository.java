package io.receivables.dunning.policy.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.policy.DefaultPolicy;

@ApplicationScoped
public class DefaultPolicyRepository implements PanacheRepositoryBase<DefaultPolicy, Short> {
}
