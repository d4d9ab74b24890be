package io.receivables.payments.payment.repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.NewestFirst;
import io.receivables.common.paging.Page;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.payments.payment.Payment;
import io.receivables.payments.payment.PaymentStatus;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    private static final NewestFirst ORDER = new NewestFirst("p", "receivedAt");

    /** What a listing may be narrowed to; every field is optional (null). */
    public record Filter(UUID customerId, PaymentStatus status, Boolean inReview, LocalDate valueFrom,
            LocalDate valueTo, PaymentReceived.Method method) {
    }

    public Uni<Payment> bySourceReference(String source, String externalReference) {
        return find("source = ?1 and externalReference = ?2", source, externalReference).firstResult();
    }

    /**
     * The payments of {@code sources} a return or chargeback may mean by {@code reference}: their end-to-end id or their
     * external reference, oldest first.
     */
    public Uni<List<Payment>> byReturnReference(List<String> sources, String reference) {
        return list("source in ?1 and (endToEndId = ?2 or externalReference = ?2) order by receivedAt, id", sources,
                reference);
    }

    /** Newest received first, then by id (the keyset). */
    public Uni<Page<Payment>> page(Filter filter, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from Payment p where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.customerId() != null) {
            query.append(" and p.customerId = :customer");
            parameters.put("customer", filter.customerId());
        }
        if (filter.status() != null) {
            query.append(" and p.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.inReview() != null) {
            query.append(" and p.inReview = :review");
            parameters.put("review", filter.inReview());
        }
        if (filter.valueFrom() != null) {
            query.append(" and p.valueDate >= :from");
            parameters.put("from", filter.valueFrom());
        }
        if (filter.valueTo() != null) {
            query.append(" and p.valueDate <= :to");
            parameters.put("to", filter.valueTo());
        }
        if (filter.method() != null) {
            query.append(" and p.method = :method");
            parameters.put("method", filter.method());
        }
        ORDER.continueAfter(cursor, query, parameters);
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> ORDER.page(rows, limit, p -> p.receivedAt, p -> p.id));
    }

}
