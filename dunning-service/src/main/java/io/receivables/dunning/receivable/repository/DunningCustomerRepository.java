package io.receivables.dunning.receivable.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.receivable.DunningCustomer;

@ApplicationScoped
public class DunningCustomerRepository implements PanacheRepositoryBase<DunningCustomer, UUID> {
}
