package io.receivables.invoicing.document;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Renders invoices and credit notes once they are read: the entities are read in one session on the event loop
 * (Hibernate Reactive's sessions belong to it) and mapped to an {@link InvoiceDocument} there; only the blocking,
 * CPU-bound rendering moves to a worker thread.
 */
@ApplicationScoped
public class DocumentRendering {

    /** A rendered document with the number it is named after. */
    public record Rendered(String documentNumber, byte[] content) {
    }

    private final InvoicePdfRenderer pdf = new InvoicePdfRenderer();
    private final UblInvoiceWriter ubl = new UblInvoiceWriter();

    public Uni<Rendered> pdf(Uni<InvoiceDocument> document) {
        return document.emitOn(Infrastructure.getDefaultWorkerPool())
                .map(read -> new Rendered(read.number(), pdf.render(read)));
    }

    public Uni<Rendered> ubl(Uni<EInvoice> document) {
        return document.emitOn(Infrastructure.getDefaultWorkerPool())
                .map(read -> new Rendered(read.document().number(), ubl.write(read)));
    }
}
