package io.receivables.common.testapp;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The self-test application's repository: Panache's own queries are all it needs. */
@ApplicationScoped
public class TrackedInvoices implements PanacheRepositoryBase<TrackedInvoice, UUID> {
}
