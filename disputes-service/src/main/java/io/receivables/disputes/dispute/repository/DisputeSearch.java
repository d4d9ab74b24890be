package io.receivables.disputes.dispute.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.Cursors;
import io.receivables.common.paging.Page;
import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.dispute.DisputeState;
import io.receivables.disputes.dispute.ReasonCode;
import io.smallrye.mutiny.Uni;

/** Reads over many disputes: the listing with its filters, and what an invoice's active disputes hold. */
@ApplicationScoped
public class DisputeSearch implements PanacheRepositoryBase<Dispute, UUID> {

    /** What a listing may be narrowed to; every field is optional (null). */
    public record Filter(DisputeState state, String owner, String team, UUID customerId, UUID invoiceId,
            ReasonCode reasonCode, Instant openedBefore, Boolean slaBreached) {
    }

    /**
     * The sum of the invoice's active disputes (not resolved or withdrawn) other than {@code except} (null: all). Read
     * under the invoice's read-model lock, which every opening and reopening takes first.
     */
    public Uni<BigDecimal> activeAmount(UUID invoiceId, UUID except) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select coalesce(sum(d.disputedAmount), 0) from Dispute d where d.invoiceId = :invoice"
                        + " and d.state not in (:ended) and d.id <> :except",
                BigDecimal.class)
                .setParameter("invoice", invoiceId)
                .setParameter("ended", List.of(DisputeState.RESOLVED, DisputeState.WITHDRAWN))
                .setParameter("except", except == null ? new UUID(0, 0) : except)
                .getSingleResult());
    }

    /** Newest opened first, then by id (the keyset). */
    public Uni<Page<Dispute>> page(Filter filter, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from Dispute d where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.state() != null) {
            query.append(" and d.state = :state");
            parameters.put("state", filter.state());
        }
        if (filter.owner() != null) {
            query.append(" and d.owner = :owner");
            parameters.put("owner", filter.owner());
        }
        if (filter.team() != null) {
            query.append(" and d.team = :team");
            parameters.put("team", filter.team());
        }
        if (filter.customerId() != null) {
            query.append(" and d.customerId = :customer");
            parameters.put("customer", filter.customerId());
        }
        if (filter.invoiceId() != null) {
            query.append(" and d.invoiceId = :invoice");
            parameters.put("invoice", filter.invoiceId());
        }
        if (filter.reasonCode() != null) {
            query.append(" and d.reasonCode = :reason");
            parameters.put("reason", filter.reasonCode());
        }
        if (filter.openedBefore() != null) {
            query.append(" and d.openedAt < :before");
            parameters.put("before", filter.openedBefore());
        }
        if (Boolean.TRUE.equals(filter.slaBreached())) {
            query.append(" and (d.firstResponseBreachedAt is not null or d.resolutionBreachedAt is not null)");
        } else if (Boolean.FALSE.equals(filter.slaBreached())) {
            query.append(" and d.firstResponseBreachedAt is null and d.resolutionBreachedAt is null");
        }
        if (cursor != null) {
            List<String> after = Cursors.decode(cursor, 2);
            query.append(" and (d.openedAt < :at or (d.openedAt = :at and d.id < :id))");
            parameters.put("at", instant(after.get(0)));
            parameters.put("id", id(after.get(1)));
        }
        query.append(" order by d.openedAt desc, d.id desc");
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> Cursors.page(rows, limit, d -> Cursors.encode(d.openedAt.toString(), d.id.toString())));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Cursors.notOurs();
        }
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Cursors.notOurs();
        }
    }
}
