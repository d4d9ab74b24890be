package io.receivables.dunning.hold.service;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What keeps a customer's invoices from reminders on a date, besides what the read model already says (the disputed
 * amount, do-not-dun): promises to pay, a collector's manual holds, escalations not recalled. The run asks once per
 * customer, in its claim transaction. Joins the caller's session.
 * <p>
 * The answer follows from the rows and the date alone, so it is right whether or not the promise check has run: an
 * OPEN promise holds up to and including its hold-until day (its date plus the grace period), a manual hold up to and
 * including its end date unless released, an escalation until it is recalled.
 */
@ApplicationScoped
public class Holds {

    public enum Kind {
        /** A promise to pay covers the invoice until its date plus the grace period. */
        PROMISE_TO_PAY,
        /** A collector held it (or the whole account) until an end date. */
        MANUAL_HOLD,
        /** It was handed to an agency or to legal and has not been recalled. */
        ESCALATED
    }

    /** Why an invoice (or the customer) is held: which promise, hold or escalation, and until when (null: open-ended). */
    public record Hold(Kind kind, UUID reference, LocalDate until) {
    }

    /**
     * Every hold on one of the customer's invoices on :asOf, with the kind's rank: an escalation (open-ended) before a
     * manual hold before a promise, then the latest end first, so that the first row per invoice is the one that holds
     * longest.
     */
    private static final String INVOICE_HOLDS = """
            SELECT ei.invoice_id, 'ESCALATED', e.id, CAST(NULL AS date), 0 AS rank
            FROM dunning_escalation e JOIN dunning_escalation_invoice ei ON ei.escalation_id = e.id
            WHERE e.customer_id = :customer AND e.status = 'ACTIVE'
            UNION ALL
            SELECT hi.invoice_id, 'MANUAL_HOLD', h.id, h.until, 1
            FROM dunning_hold h JOIN dunning_hold_invoice hi ON hi.hold_id = h.id
            WHERE h.customer_id = :customer AND h.state = 'ACTIVE' AND h.until >= :asOf
            UNION ALL
            SELECT pi.invoice_id, 'PROMISE_TO_PAY', p.id, p.hold_until, 2
            FROM dunning_promise p JOIN dunning_promise_invoice pi ON pi.promise_id = p.id
            WHERE p.customer_id = :customer AND p.state = 'OPEN' AND p.hold_until >= :asOf
            ORDER BY 1, 5, 4 DESC""";

    /** The account-wide manual hold that lasts longest on :asOf (one without invoices). */
    private static final String ACCOUNT_HOLD = """
            SELECT h.id, h.until FROM dunning_hold h
            WHERE h.customer_id = :customer AND h.state = 'ACTIVE' AND h.until >= :asOf
              AND NOT EXISTS (SELECT 1 FROM dunning_hold_invoice hi WHERE hi.hold_id = h.id)
            ORDER BY h.until DESC, h.id LIMIT 1""";

    /** The held invoices of the customer on {@code asOf}: invoice id → a hold on it; an invoice not in the map is free. */
    public Uni<Map<UUID, Hold>> onInvoices(UUID customerId, LocalDate asOf) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INVOICE_HOLDS, Object[].class)
                .setParameter("customer", customerId).setParameter("asOf", asOf).getResultList()).map(rows -> {
                    Map<UUID, Hold> held = new HashMap<>();
                    for (Object[] row : rows) {
                        held.putIfAbsent((UUID) row[0],
                                new Hold(Kind.valueOf((String) row[1]), (UUID) row[2], date(row[3])));
                    }
                    return Map.copyOf(held);
                });
    }

    /** A hold on the customer's whole account on {@code asOf} (a manual hold without invoices); empty when none. */
    public Uni<Optional<Hold>> onCustomer(UUID customerId, LocalDate asOf) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ACCOUNT_HOLD, Object[].class)
                .setParameter("customer", customerId).setParameter("asOf", asOf).getResultList())
                .map((List<Object[]> rows) -> rows.stream().findFirst()
                        .map(row -> new Hold(Kind.MANUAL_HOLD, (UUID) row[0], date(row[1]))));
    }

    /** A DATE column as native queries return it. */
    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
