package io.receivables.invoicing.document;

/**
 * Writes a Factur-X 1.07 / ZUGFeRD 2.3 invoice, profile EN 16931: the PDF a customer reads, every font embedded, as a
 * PDF/A-3b document carrying the CII XML of {@link CiiInvoiceWriter} as {@code factur-x.xml}. Stateless and thread
 * safe.
 */
public class FacturXWriter {

    private final InvoicePdfRenderer pdf = new InvoicePdfRenderer();
    private final CiiInvoiceWriter cii = new CiiInvoiceWriter();

    /**
     * @throws IllegalArgumentException as {@link CiiInvoiceWriter#write(EInvoice)}: a party without a complete postal
     *         address
     */
    public byte[] write(EInvoice eInvoice) {
        InvoiceDocument invoice = eInvoice.document();
        byte[] xml = cii.write(eInvoice);
        String title = (invoice.kind() == DocumentKind.CREDIT_NOTE ? "Credit note " : "Invoice ") + invoice.number();
        return pdf.render(invoice, true, document -> PdfA3.embedFacturX(document, xml, title,
                invoice.seller().legalName(), invoice.issueDate()));
    }
}
