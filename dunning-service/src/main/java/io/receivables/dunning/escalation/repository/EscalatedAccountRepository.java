package io.receivables.dunning.escalation.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.NewestFirst;
import io.receivables.common.paging.Page;
import io.receivables.dunning.escalation.EscalatedAccount;
import io.receivables.dunning.escalation.EscalationStatus;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EscalatedAccountRepository implements PanacheRepositoryBase<EscalatedAccount, UUID> {

    private static final NewestFirst ORDER = new NewestFirst("e", "escalatedAt");

    public Uni<EscalatedAccount> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The escalation a run already made for this customer, step and currency; null when none. */
    public Uni<EscalatedAccount> made(UUID runId, UUID customerId, int stepNumber, String currency) {
        return find("runId = ?1 and customerId = ?2 and stepNumber = ?3 and currency = ?4", runId, customerId,
                stepNumber, currency).firstResult();
    }

    /** Newest first, optionally of one customer and in one status. */
    public Uni<Page<EscalatedAccount>> page(UUID customerId, EscalationStatus status, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from EscalatedAccount e where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (customerId != null) {
            query.append(" and e.customerId = :customer");
            parameters.put("customer", customerId);
        }
        if (status != null) {
            query.append(" and e.status = :status");
            parameters.put("status", status);
        }
        ORDER.continueAfter(cursor, query, parameters);
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> ORDER.page(rows, limit, e -> e.escalatedAt, e -> e.id));
    }
}
