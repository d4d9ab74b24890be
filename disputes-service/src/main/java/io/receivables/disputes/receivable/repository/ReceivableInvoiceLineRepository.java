package io.receivables.disputes.receivable.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.disputes.receivable.ReceivableInvoiceLine;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReceivableInvoiceLineRepository implements PanacheRepositoryBase<ReceivableInvoiceLine, UUID> {

    /** The invoice's line numbers, ascending; empty when its invoice-issued carried none. */
    public Uni<List<Integer>> numbers(UUID invoiceId) {
        return list("invoiceId = ?1 order by lineNumber", invoiceId)
                .map(lines -> lines.stream().map(line -> line.lineNumber).toList());
    }
}
