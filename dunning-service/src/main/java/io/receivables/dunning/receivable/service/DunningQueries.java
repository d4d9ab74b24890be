package io.receivables.dunning.receivable.service;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.money.Currencies;
import io.receivables.dunning.receivable.Collectable;
import io.smallrye.mutiny.Uni;

/**
 * The questions the dunning run asks of the read model. Read-only and transaction-neutral: they join the caller's session
 * (the run's claim transaction, or the REST view's session), so a run that locked a customer reads that customer's
 * state in the same transaction.
 */
@ApplicationScoped
public class DunningQueries {

    /** The smallest UUID: the keyset's start. */
    static final UUID FIRST = new UUID(0, 0);

    /** Ordered by due date, then number, so that a reminder lists them as a customer reads a statement. */
    private static final String OPEN_ITEMS = """
            SELECT i.invoice_id, i.invoice_number, i.currency, i.issue_date, i.due_date, i.total, i.open_amount,
                   i.disputed_amount, i.late_fee_id IS NOT NULL, i.fee_for_invoice_id, p.plan_id
            FROM dunning_invoice i
            LEFT JOIN LATERAL (SELECT pi.plan_id FROM dunning_plan_invoice pi
                               JOIN dunning_payment_plan pp ON pp.plan_id = pi.plan_id AND pp.state = 'ACTIVE'
                               WHERE pi.invoice_id = i.invoice_id ORDER BY pi.plan_id LIMIT 1) p ON TRUE
            WHERE i.customer_id = :customer AND i.state = 'OPEN' AND i.open_amount > 0
            ORDER BY i.due_date, i.invoice_number""";

    /**
     * Customers with at least one invoice that has something collectable and is overdue on :asOf: its due date is
     * before :asOf, or, while an ACTIVE plan covers it, one of the plan's instalment dates is.
     */
    private static final String OVERDUE_CUSTOMERS = """
            SELECT DISTINCT i.customer_id
            FROM dunning_invoice i
            WHERE i.state = 'OPEN' AND i.open_amount > 0 AND i.open_amount > i.disputed_amount
              AND i.customer_id > :after
              AND CASE WHEN EXISTS (SELECT 1 FROM dunning_plan_invoice pi
                                    JOIN dunning_payment_plan pp ON pp.plan_id = pi.plan_id AND pp.state = 'ACTIVE'
                                    WHERE pi.invoice_id = i.invoice_id)
                       THEN EXISTS (SELECT 1 FROM dunning_plan_invoice pi
                                    JOIN dunning_payment_plan pp ON pp.plan_id = pi.plan_id AND pp.state = 'ACTIVE'
                                    JOIN dunning_plan_instalment pn ON pn.plan_id = pp.plan_id
                                    WHERE pi.invoice_id = i.invoice_id AND pn.due_date < :asOf)
                       ELSE i.due_date < :asOf END
            ORDER BY i.customer_id
            LIMIT :limit""";

    /** The customer's open invoices (open amount above zero), with what is collectable and the holds on each. */
    public Uni<List<OpenItem>> openItems(UUID customerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(OPEN_ITEMS, Object[].class)
                .setParameter("customer", customerId).getResultList().chain(rows -> {
                    List<UUID> plans = rows.stream().map(r -> (UUID) r[10]).filter(java.util.Objects::nonNull)
                            .distinct().toList();
                    Uni<Map<UUID, List<OpenItem.Instalment>>> instalments = plans.isEmpty()
                            ? Uni.createFrom().item(Map.of())
                            : session.createNativeQuery("SELECT plan_id, number, due_date, amount"
                                    + " FROM dunning_plan_instalment WHERE plan_id IN (:plans) ORDER BY plan_id, number",
                                    Object[].class).setParameter("plans", plans).getResultList()
                                    .map(DunningQueries::byPlan);
                    return instalments.map(byPlan -> rows.stream().map(r -> item(r, byPlan)).toList());
                }));
    }

    /**
     * One batch of the customers with something collectable overdue on {@code asOf} (a due date, or an ACTIVE plan's
     * instalment date, before it), in customer id order after {@code after} (null: from the start). Holds of a customer
     * (do-not-dun, and those the run adds) are not applied here: the run decides them per customer, in one place.
     */
    public Uni<CustomerPage> overdueCustomers(LocalDate asOf, UUID after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(OVERDUE_CUSTOMERS, UUID.class)
                .setParameter("after", after == null ? FIRST : after).setParameter("asOf", asOf)
                .setParameter("limit", limit).getResultList())
                .map(ids -> new CustomerPage(ids, ids.size() < limit ? null : ids.get(ids.size() - 1)));
    }

    private static OpenItem item(Object[] r, Map<UUID, List<OpenItem.Instalment>> byPlan) {
        String currency = ((String) r[2]).trim();
        BigDecimal open = Currencies.round((BigDecimal) r[6], currency);
        BigDecimal disputed = Currencies.round((BigDecimal) r[7], currency);
        UUID plan = (UUID) r[10];
        return new OpenItem((UUID) r[0], (String) r[1], currency, date(r[3]), date(r[4]),
                Currencies.round((BigDecimal) r[5], currency), open, disputed,
                Currencies.round(Collectable.amount(open, disputed), currency), (Boolean) r[8], (UUID) r[9], plan,
                plan == null ? List.of() : byPlan.getOrDefault(plan, List.of()));
    }

    private static Map<UUID, List<OpenItem.Instalment>> byPlan(List<Object[]> rows) {
        Map<UUID, List<OpenItem.Instalment>> byPlan = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byPlan.computeIfAbsent((UUID) r[0], id -> new ArrayList<>())
                    .add(new OpenItem.Instalment(((Number) r[1]).intValue(), date(r[2]), (BigDecimal) r[3]));
        }
        return byPlan;
    }

    /** A DATE column as native queries return it. */
    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
