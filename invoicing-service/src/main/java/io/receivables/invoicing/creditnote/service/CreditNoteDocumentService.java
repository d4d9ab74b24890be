package io.receivables.invoicing.creditnote.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.problem.ProblemException;
import io.receivables.invoicing.creditnote.CreditNote;
import io.receivables.invoicing.creditnote.document.CreditNoteDocuments;
import io.receivables.invoicing.creditnote.repository.CreditNoteRepository;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.document.DocumentRendering;
import io.receivables.invoicing.document.DocumentRendering.Rendered;
import io.receivables.invoicing.document.EInvoiceFormat;
import io.receivables.invoicing.document.EInvoiceFormats;
import io.receivables.invoicing.document.SellerConfig;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * A credit note as a document, like {@code InvoiceDocumentService}: read in one session on the event loop, rendered on
 * a worker thread.
 */
@ApplicationScoped
public class CreditNoteDocumentService {

    private final CreditNoteRepository creditNotes;
    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final SellerConfig seller;
    private final DocumentRendering rendering;

    @Inject
    public CreditNoteDocumentService(CreditNoteRepository creditNotes, InvoiceRepository invoices,
            CustomerRepository customers, SellerConfig seller,
            DocumentRendering rendering) {
        this.creditNotes = creditNotes;
        this.invoices = invoices;
        this.customers = customers;
        this.seller = seller;
        this.rendering = rendering;
    }

    public Uni<Rendered> pdf(UUID creditNoteId) {
        return rendering.pdf(load(creditNoteId,
                (note, invoice, customer) -> CreditNoteDocuments.forPrint(note, invoice, customer, seller)));
    }

    /**
     * The credit note as a UBL 2.1 CreditNote in {@code format}, by default the customer's preferred one; 422 when the
     * customer's billing data is short for it or its currency cannot be expressed.
     */
    public Uni<Rendered> eInvoice(UUID creditNoteId, Optional<EInvoiceFormat> format) {
        return rendering.eInvoice(load(creditNoteId, (note, invoice, customer) -> CreditNoteDocuments.forEInvoice(note,
                invoice, customer, seller, format.orElseGet(() -> EInvoiceFormats.preferred(customer)))));
    }

    /** Builds a document from what was read. */
    private interface DocumentOf<T> {
        T of(CreditNote note, Invoice invoice, Customer customer);
    }

    private <T> Uni<T> load(UUID creditNoteId, DocumentOf<T> document) {
        return Panache.withSession(() -> creditNotes.findWithLines(creditNoteId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No credit note " + creditNoteId))
                // with its lines: zero-rated lines are credited under the invoice's VAT exemption
                .chain(note -> invoices.findWithLines(note.invoiceId)
                        .chain(invoice -> customers.findById(note.customerId)
                                .map(customer -> document.of(note, invoice, customer)))));
    }
}
