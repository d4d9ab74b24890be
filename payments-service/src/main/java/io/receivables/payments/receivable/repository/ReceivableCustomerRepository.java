package io.receivables.payments.receivable.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.payments.receivable.ReceivableCustomer;

@ApplicationScoped
public class ReceivableCustomerRepository implements PanacheRepositoryBase<ReceivableCustomer, UUID> {
}
