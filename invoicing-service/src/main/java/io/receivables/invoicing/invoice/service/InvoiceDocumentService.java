package io.receivables.invoicing.invoice.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.document.DocumentRendering;
import io.receivables.invoicing.document.DocumentRendering.Rendered;
import io.receivables.invoicing.document.EInvoiceFormat;
import io.receivables.invoicing.document.EInvoiceFormats;
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
        return rendering.pdf(load(invoiceId, customerScope,
                (invoice, customer) -> InvoiceDocuments.forPrint(invoice, customer, seller)));
    }

    /**
     * The invoice as a UBL 2.1 e-invoice in {@code format}, by default the customer's preferred one; 422 when the
     * customer's billing data is short for it or its currency cannot be expressed.
     */
    public Uni<Rendered> eInvoice(UUID invoiceId, Optional<EInvoiceFormat> format) {
        return eInvoice(invoiceId, format, Optional.empty());
    }

    /** As {@link #eInvoice(UUID, Optional)}, for a caller confined to one customer: another's invoice is a 404. */
    public Uni<Rendered> eInvoice(UUID invoiceId, Optional<EInvoiceFormat> format, Optional<UUID> customerScope) {
        return rendering.eInvoice(load(invoiceId, customerScope, (invoice, customer) -> InvoiceDocuments
                .forEInvoice(invoice, customer, seller, format.orElseGet(() -> EInvoiceFormats.preferred(customer)))));
    }

    /** Invoice and customer read in one session (a self-call would bypass {@code @WithSession}, hence explicit). */
    private <T> Uni<T> load(UUID invoiceId, Optional<UUID> customerScope, BiFunction<Invoice, Customer, T> document) {
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
                        .map(customer -> document.apply(invoice, customer))));
    }
}
