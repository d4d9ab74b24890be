package io.receivables.invoicing.invoice.repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceStatus;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    /** What the customer owes on its issued invoices in {@code currency}. */
    public Uni<BigDecimal> openAmount(UUID customerId, String currency) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select coalesce(sum(i.amountDue), 0) from Invoice i where i.customerId = :customer"
                        + " and i.currency = :currency and i.status = :status",
                BigDecimal.class)
                .setParameter("customer", customerId)
                .setParameter("currency", currency)
                .setParameter("status", InvoiceStatus.ISSUED)
                .getSingleResult());
    }

    @WithSession
    public Uni<Invoice> findWithLines(UUID id) {
        return find("select i from Invoice i left join fetch i.lines where i.id = ?1", id).firstResult();
    }

    @WithSession
    public Uni<List<Invoice>> listWithLines(UUID customerId, int limit) {
        String query = customerId == null ? "select distinct i from Invoice i left join fetch i.lines"
                : "select distinct i from Invoice i left join fetch i.lines where i.customerId = ?1";
        Sort sort = Sort.descending("issueDate", "number");
        var find = customerId == null ? find(query, sort) : find(query, sort, customerId);
        return find.page(Page.ofSize(limit)).list();
    }
}
