package io.receivables.dunning.escalation.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.escalation.EscalationInvoice;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EscalationInvoiceRepository implements PanacheRepositoryBase<EscalationInvoice, EscalationInvoice.Key> {

    /** The escalation's invoices by number. */
    public Uni<List<EscalationInvoice>> of(UUID escalationId) {
        return list("escalationId = ?1 order by invoiceNumber", escalationId);
    }
}
