package io.receivables.analytics.openitem.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.analytics.openitem.OpenItemEntry;

@ApplicationScoped
public class OpenItemEntryRepository implements PanacheRepositoryBase<OpenItemEntry, UUID> {
}
