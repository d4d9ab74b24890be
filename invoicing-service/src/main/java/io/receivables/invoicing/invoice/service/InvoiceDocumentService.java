package io.receivables.invoicing.invoice.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.document.DocumentRendering;
import io.receivables.invoicing.document.DocumentRendering.Rendered;
import io.receivables.invoicing.document.InvoiceDocument;
import io.receivables.invoicing.document.SellerConfig;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceStatus;
import io.receivables.invoicing.invoice.document.InvoiceDocuments;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.smallrye.mutiny.Uni;

/** An invoice as a document: read with its customer in one session, mapped, then rendered by {@link DocumentRendering}. */
@ApplicationScoped
public class InvoiceDocumentService {

    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final SellerConfig seller;
    private final DocumentRendering rendering;

    @Inject
    public InvoiceDocumentService(InvoiceRepository invoices, CustomerRepository customers, SellerConfig seller,
            DocumentRendering rendering) {
        this.invoices = invoices;
        this.customers = customers;
        this.seller = seller;
        this.rendering = rendering;
    }

    /** The invoice as PDF, showing whatever billing address the customer has on record. */
    public Uni<Rendered> pdf(UUID invoiceId) {
        return pdf(invoiceId, Optional.empty());
    }

    /** As {@link #pdf(UUID)}, for a caller confined to one customer (a portal user): another's invoice is a 404. */
    public Uni<Rendered> pdf(UUID invoiceId, Optional<UUID> customerScope) {
        return rendering.pdf(load(invoiceId, false, customerScope));
    }

    /** The invoice as a UBL 2.1 / Peppol BIS Billing 3.0 e-invoice; 422 when the customer's billing data is short. */
    public Uni<Rendered> ubl(UUID invoiceId) {
        return ubl(invoiceId, Optional.empty());
    }

    /** As {@link #ubl(UUID)}, for a caller confined to one customer (a portal user): another's invoice is a 404. */
    public Uni<Rendered> ubl(UUID invoiceId, Optional<UUID> customerScope) {
        return rendering.ubl(load(invoiceId, true, customerScope));
    }

    /** Invoice and customer read in one session (a self-call would bypass {@code @WithSession}, hence explicit). */
    private Uni<InvoiceDocument> load(UUID invoiceId, boolean eInvoice, Optional<UUID> customerScope) {
        return Panache.withSession(() -> invoices.findWithLines(invoiceId)
                .map(invoice -> invoice == null || customerScope.map(invoice.customerId::equals).orElse(true) ? invoice
                        : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No invoice " + invoiceId))
                .invoke(invoice -> {
                    if (invoice.status == InvoiceStatus.DRAFT) {
                        throw new ProblemException(ProblemType.CONFLICT, "Invoice " + invoiceId
                                + " is a draft: it has no number and no documents until it is issued", List.of());
                    }
                })
                .chain(invoice -> customers.findById(invoice.customerId)
                        .onItem().ifNull().failWith(() -> new IllegalStateException(
                                "Invoice " + invoice.id + " refers to the missing customer " + invoice.customerId))
                        .map(customer -> document(invoice, customer, eInvoice))));
    }

    private InvoiceDocument document(Invoice invoice, Customer customer, boolean eInvoice) {
        return eInvoice ? InvoiceDocuments.forEInvoice(invoice, customer, seller)
                : InvoiceDocuments.forPrint(invoice, customer, seller);
    }
}
