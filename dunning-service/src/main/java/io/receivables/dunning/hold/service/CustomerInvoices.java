package io.receivables.dunning.hold.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.dunning.receivable.DunningCustomer;
import io.receivables.dunning.receivable.DunningInvoice;
import io.receivables.dunning.receivable.repository.DunningCustomerRepository;
import io.receivables.dunning.receivable.repository.DunningInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * The checks promises and holds share on the read model: the customer exists (404), and every invoice named is that
 * customer's (422 unknown-reference naming {@code invoiceIds[i]}: another customer's invoice is as unknown as none, so
 * that ids cannot be probed). Joins the caller's transaction.
 */
@ApplicationScoped
public class CustomerInvoices {

    private final DunningCustomerRepository customers;
    private final DunningInvoiceRepository invoices;

    @Inject
    public CustomerInvoices(DunningCustomerRepository customers, DunningInvoiceRepository invoices) {
        this.customers = customers;
        this.invoices = invoices;
    }

    public Uni<DunningCustomer> customer(UUID customerId) {
        return customers.findById(customerId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No customer " + customerId + " known to dunning"));
    }

    /**
     * The invoices in the order named, row-locked (in id order, as every writer of several takes them) so that what is
     * checked stays true until the caller commits.
     */
    public Uni<List<DunningInvoice>> lockedOf(UUID customerId, List<UUID> ids) {
        return invoices.lock(ids).map(found -> {
            Map<UUID, DunningInvoice> byId = found.stream()
                    .collect(Collectors.toMap(i -> i.id, Function.identity()));
            List<FieldError> unknown = new ArrayList<>();
            List<DunningInvoice> ordered = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                DunningInvoice invoice = byId.get(ids.get(i));
                if (invoice == null || !invoice.customerId.equals(customerId)) {
                    unknown.add(new FieldError("invoiceIds[" + i + "]", "no invoice " + ids.get(i) + " of customer "
                            + customerId));
                } else {
                    ordered.add(invoice);
                }
            }
            if (!unknown.isEmpty()) {
                throw new ProblemException(ProblemType.UNKNOWN_REFERENCE, unknown.size() + " invoice(s) unknown",
                        unknown);
            }
            return ordered;
        });
    }
}
