package io.receivables.payments.payment.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.ProblemException;
import io.receivables.payments.payment.Allocation;
import io.receivables.payments.payment.repository.AllocationRepository;
import io.receivables.payments.payment.repository.PaymentRepository;
import io.smallrye.mutiny.Uni;

/** Reads payments with their allocations. */
@ApplicationScoped
public class PaymentQueries {

    private final PaymentRepository payments;
    private final AllocationRepository allocations;

    @Inject
    public PaymentQueries(PaymentRepository payments, AllocationRepository allocations) {
        this.payments = payments;
        this.allocations = allocations;
    }

    /** The payment, or 404. */
    @WithSession
    public Uni<RecordedPayment> get(UUID id) {
        return payments.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No payment " + id))
                .chain(payment -> allocations.ofPayment(id).map(made -> new RecordedPayment(payment, made, false)));
    }

    @WithSession
    public Uni<Page<RecordedPayment>> list(PaymentRepository.Filter filter, String cursor, int limit) {
        return payments.page(filter, cursor, limit).chain(page -> allocations
                .ofPayments(page.items().stream().map(p -> p.id).toList())
                .map(all -> {
                    Map<UUID, List<Allocation>> byPayment = all.stream()
                            .collect(Collectors.groupingBy(a -> a.paymentId));
                    return new Page<>(page.items().stream()
                            .map(p -> new RecordedPayment(p, byPayment.getOrDefault(p.id, List.of()), false)).toList(),
                            page.nextCursor());
                }));
    }
}
