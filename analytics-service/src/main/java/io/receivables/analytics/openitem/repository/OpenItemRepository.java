package io.receivables.analytics.openitem.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.analytics.openitem.OpenItem;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OpenItemRepository implements PanacheRepositoryBase<OpenItem, UUID> {

    /** Open AR per currency: never summed across currencies. */
    public record CurrencyTotal(String currency, long count, BigDecimal amount) {
    }

    @WithSession
    public Uni<List<CurrencyTotal>> totalsByCurrency() {
        return getSession().chain(session -> session.createSelectionQuery(
                "select o.currency, count(o), sum(o.openAmount) from OpenItem o where o.openAmount <> 0"
                        + " group by o.currency order by o.currency",
                Object[].class).getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new CurrencyTotal((String) row[0], (Long) row[1], (BigDecimal) row[2]))
                        .toList());
    }

    /**
     * Open AR per currency as it stood on {@code asOf}, from the dated entries: an invoice counts from its issue date
     * with what was open on that date, until the business date of its void or write-off.
     */
    @WithSession
    public Uni<List<CurrencyTotal>> totalsByCurrency(LocalDate asOf) {
        return getSession().chain(session -> session.createNativeQuery("""
                SELECT o.currency, count(*), sum(e.open)
                FROM open_item o
                JOIN (SELECT invoice_id, sum(amount) AS open FROM open_item_entry WHERE effective_on <= :asOf
                      GROUP BY invoice_id) e ON e.invoice_id = o.invoice_id
                WHERE e.open <> 0
                GROUP BY o.currency ORDER BY o.currency""", Object[].class)
                .setParameter("asOf", asOf)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new CurrencyTotal((String) row[0], ((Number) row[1]).longValue(),
                                (BigDecimal) row[2]))
                        .toList());
    }
}
