package io.receivables.disputes.receivable.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.disputes.receivable.ReceivableCustomer;

@ApplicationScoped
public class ReceivableCustomerRepository implements PanacheRepositoryBase<ReceivableCustomer, UUID> {
}
