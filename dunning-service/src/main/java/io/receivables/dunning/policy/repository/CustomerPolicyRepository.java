package io.receivables.dunning.policy.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.policy.CustomerPolicy;

@ApplicationScoped
public class CustomerPolicyRepository implements PanacheRepositoryBase<CustomerPolicy, UUID> {
}
