package io.receivables.invoicing.balance.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.invoicing.balance.InvoiceDispute;

@ApplicationScoped
public class InvoiceDisputeRepository implements PanacheRepositoryBase<InvoiceDispute, UUID> {
}
