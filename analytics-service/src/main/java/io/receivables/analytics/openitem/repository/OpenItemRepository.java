package io.receivables.analytics.openitem.repository;

import java.math.BigDecimal;
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
}
