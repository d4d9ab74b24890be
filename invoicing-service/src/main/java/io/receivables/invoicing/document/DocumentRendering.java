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

    /** A rendered document with the number it is named after, and how it is served. */
    public record Rendered(String documentNumber, byte[] content, String mediaType, String extension) {

        static Rendered pdf(String documentNumber, byte[] content) {
            return new Rendered(documentNumber, content, "application/pdf", ".pdf");
        }
    }

    private final InvoicePdfRenderer pdf = new InvoicePdfRenderer();
    private final UblInvoiceWriter ubl = new UblInvoiceWriter();
    private final CiiInvoiceWriter cii = new CiiInvoiceWriter();
    private final FacturXWriter facturX = new FacturXWriter();

    public Uni<Rendered> pdf(Uni<InvoiceDocument> document) {
        return document.emitOn(Infrastructure.getDefaultWorkerPool())
                .map(read -> Rendered.pdf(read.number(), pdf.render(read)));
    }

    /** The e-invoice in its format's syntax: UBL or CII XML, or a Factur-X PDF/A-3 with its CII XML. */
    public Uni<Rendered> eInvoice(Uni<EInvoice> document) {
        return document.emitOn(Infrastructure.getDefaultWorkerPool()).map(read -> new Rendered(
                read.document().number(), write(read), read.format().mediaType(), read.format().extension()));
    }

    private byte[] write(EInvoice eInvoice) {
        return switch (eInvoice.format().syntax()) {
            case UBL -> ubl.write(eInvoice);
            case CII -> cii.write(eInvoice);
            case FACTUR_X -> facturX.write(eInvoice);
        };
    }
}
