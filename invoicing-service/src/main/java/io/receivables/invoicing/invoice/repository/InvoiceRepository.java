package io.receivables.invoicing.invoice.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.paging.Cursors;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceQuery;
import io.receivables.invoicing.invoice.InvoiceStatus;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    /**
     * What the customer owes on its issued invoices in {@code currency}: one row, which a trigger on {@code invoice}
     * keeps in the transaction of every change (invoicing-017), instead of a sum over the customer's open invoices.
     * Within a transaction it includes that transaction's own changes, as the sum did.
     */
    public Uni<BigDecimal> openAmount(UUID customerId, String currency) {
        return getSession().chain(session -> session.createNativeQuery(
                "SELECT open_amount FROM customer_open_amount WHERE customer_id = :customer AND currency = :currency",
                BigDecimal.class)
                .setParameter("customer", customerId)
                .setParameter("currency", currency)
                .getResultList())
                .map(rows -> rows.isEmpty() ? BigDecimal.ZERO : rows.get(0));
    }

    @WithSession
    public Uni<Invoice> findWithLines(UUID id) {
        return find("select i from Invoice i left join fetch i.lines where i.id = ?1", id).firstResult();
    }

    /**
     * A page of invoices for {@code query}, each with its lines. Pages by keyset (the sort field, then the unique
     * number), and fetches the lines of just that page's invoices, so no page is cut in memory.
     */
    @WithSession
    public Uni<io.receivables.common.paging.Page<Invoice>> page(InvoiceQuery query, LocalDate today) {
        StringBuilder where = new StringBuilder("from Invoice i where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        filter(where, parameters, "i.customerId = :customer", "customer", query.customerId());
        if (query.status() != null) {
            where.append(" and ").append(statusCondition(query.status(), today, parameters));
        } else {
            // drafts are work in progress, not invoices yet: listed only when asked for
            where.append(" and i.status <> :draft");
            parameters.put("draft", InvoiceStatus.DRAFT);
        }
        filter(where, parameters, "i.issueDate >= :issuedFrom", "issuedFrom", query.issuedFrom());
        filter(where, parameters, "i.issueDate <= :issuedTo", "issuedTo", query.issuedTo());
        filter(where, parameters, "i.dueDate >= :dueFrom", "dueFrom", query.dueFrom());
        filter(where, parameters, "i.dueDate <= :dueTo", "dueTo", query.dueTo());
        if (query.overdue()) {
            where.append(" and i.status = :open and i.amountDue > 0 and i.dueDate < :today");
            parameters.put("open", InvoiceStatus.ISSUED);
            parameters.put("today", today);
        }
        if (query.status() == InvoiceStatus.DRAFT) {
            return draftPage(where, parameters, query);
        }
        String field = "i." + query.sort().field();
        String after = query.sort().descending() ? "<" : ">";
        if (query.cursor() != null) {
            List<String> position = Cursors.decode(query.cursor(), 2);
            where.append(" and (" + field + " " + after + " :afterDate or (" + field + " = :afterDate and i.number "
                    + after + " :afterNumber))");
            parameters.put("afterDate", parseDate(position.get(0)));
            parameters.put("afterNumber", position.get(1));
        }
        String direction = query.sort().descending() ? " desc" : "";
        where.append(" order by " + field + direction + ", i.number" + direction);
        // range is inclusive: limit + 1 rows tell whether there is a next page
        return find(where.toString(), parameters).range(0, query.limit()).list()
                .chain(rows -> withLines(rows))
                .map(rows -> Cursors.page(rows, query.limit(),
                        i -> Cursors.encode(sortValue(i, query.sort()).toString(), i.number)));
    }

    /**
     * Drafts have neither number nor (perhaps) dates, so they page by creation, newest first, then by id; the sort
     * parameter does not apply to them.
     */
    private Uni<io.receivables.common.paging.Page<Invoice>> draftPage(StringBuilder where, Map<String, Object> parameters,
            InvoiceQuery query) {
        if (query.cursor() != null) {
            List<String> position = Cursors.decode(query.cursor(), 2);
            where.append(" and (i.createdAt < :afterCreated or (i.createdAt = :afterCreated and i.id < :afterId))");
            try {
                parameters.put("afterCreated", java.time.Instant.parse(position.get(0)));
                parameters.put("afterId", UUID.fromString(position.get(1)));
            } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
                throw Cursors.notOurs();
            }
        }
        where.append(" order by i.createdAt desc, i.id desc");
        return find(where.toString(), parameters).range(0, query.limit()).list()
                .chain(rows -> withLines(rows))
                .map(rows -> Cursors.page(rows, query.limit(), i -> Cursors.encode(i.createdAt.toString(), i.id.toString())));
    }

    private Uni<List<Invoice>> withLines(List<Invoice> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(rows);
        }
        List<UUID> ids = rows.stream().map(i -> i.id).toList();
        return find("select distinct i from Invoice i left join fetch i.lines where i.id in ?1", ids).list()
                .map(fetched -> {
                    Map<UUID, Invoice> byId = new HashMap<>();
                    fetched.forEach(i -> byId.put(i.id, i));
                    return ids.stream().map(byId::get).toList();
                });
    }

    /**
     * {@link Invoice#statusOn} as a condition, precedence included: each derived status excludes those that win over
     * it.
     */
    private static String statusCondition(InvoiceStatus status, LocalDate today, Map<String, Object> parameters) {
        if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.VOIDED || status == InvoiceStatus.WRITTEN_OFF) {
            parameters.put("status", status);
            return "i.status = :status";
        }
        parameters.put("issued", InvoiceStatus.ISSUED);
        String open = "i.status = :issued and i.amountDue > 0";
        if (status == InvoiceStatus.PAID) {
            return "(i.status = :issued and i.amountDue = 0)";
        }
        if (status == InvoiceStatus.DISPUTED) {
            return "(" + open + " and i.disputedAmount > 0)";
        }
        parameters.put("today", today);
        String undisputed = open + " and i.disputedAmount = 0";
        return switch (status) {
            case OVERDUE -> "(" + undisputed + " and i.dueDate < :today)";
            case PARTIALLY_PAID -> "(" + undisputed + " and i.dueDate >= :today and i.amountPaid > 0)";
            // still ISSUED when derived: nothing paid, nothing disputed, not yet due
            case ISSUED -> "(" + undisputed + " and i.dueDate >= :today and i.amountPaid = 0)";
            default -> throw new IllegalArgumentException("no derived status " + status);
        };
    }

    private static void filter(StringBuilder where, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }

    private static LocalDate sortValue(Invoice invoice, InvoiceQuery.Sort sort) {
        return sort.field().equals("dueDate") ? invoice.dueDate : invoice.issueDate;
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw Cursors.notOurs();
        }
    }
}
