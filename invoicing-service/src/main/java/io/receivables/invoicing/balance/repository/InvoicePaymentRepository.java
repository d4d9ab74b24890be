package io.receivables.invoicing.balance.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.invoicing.balance.InvoicePayment;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InvoicePaymentRepository implements PanacheRepositoryBase<InvoicePayment, UUID> {

    /** The payment's allocations to invoices so far, one row each, reversed ones included. */
    public Uni<List<InvoicePayment>> ofPayment(UUID paymentId) {
        return list("paymentId", paymentId);
    }
}
