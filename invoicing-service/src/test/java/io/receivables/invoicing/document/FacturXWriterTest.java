package io.receivables.invoicing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import io.receivables.invoicing.document.InvoiceDocument.Line;

/**
 * Factur-X documents checked by validators this project did not write: veraPDF for PDF/A-3b, phive for the embedded
 * CII (CEN EN 16931 CII rules and the ZUGFeRD 2.3.3 EN 16931 profile rules). Each validator is also shown to bite on a
 * document that breaks its rules, so a green run means something.
 */
class FacturXWriterTest {

    private final FacturXWriter writer = new FacturXWriter();

    @Test
    void anInvoiceWithMixedRatesIsAValidPdfA3CarryingValidCii() {
        byte[] pdf = writer.write(facturX(Invoices.invoice(Invoices.mixedRateLines())));

        assertThat(FacturXValidators.errors(pdf)).isEmpty();
        assertThat(PdfText.of(pdf).text()).contains("INV-2026-000042", "Kunde & Söhne KG");
    }

    @Test
    void aCreditNoteIsTypeCode381NamingTheCreditedInvoice() {
        byte[] pdf = writer.write(facturX(Invoices.creditNote()));

        assertThat(FacturXValidators.errors(pdf)).isEmpty();
        String xml = new String(FacturXValidators.embeddedXml(pdf), StandardCharsets.UTF_8);
        assertThat(xml).contains("<ram:TypeCode>381</ram:TypeCode>", "<ram:IssuerAssignedID>INV-2026-000042<");
    }

    @Test
    void aMultiPageInvoiceWithAnExemptLineIsValid() {
        List<Line> lines = new ArrayList<>(Invoices.manyLines(60));
        lines.add(Invoices.exemptLine(61, "Statutory fee", "1", "40.00", "Outside the scope of VAT"));
        byte[] pdf = writer.write(facturX(Invoices.invoice("EUR", lines, BigDecimal.ZERO)));

        assertThat(FacturXValidators.errors(pdf)).isEmpty();
    }

    @Test
    void theXmlIsAnAlternativeAssociatedFileAndTheXmpDeclaresTheEn16931Profile() throws IOException {
        byte[] pdf = writer.write(facturX(Invoices.invoice(Invoices.mixedRateLines())));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSArray associated = (COSArray) document.getDocumentCatalog().getCOSObject()
                    .getDictionaryObject(COSName.getPDFName("AF"));
            COSDictionary file = (COSDictionary) associated.getObject(0);
            assertThat(file.getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Alternative");
            assertThat(file.getString(COSName.UF)).isEqualTo("factur-x.xml");
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
                    "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
                    "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>");
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
        String xml = new String(FacturXValidators.embeddedXml(pdf), StandardCharsets.UTF_8);
        assertThat(xml).contains("<ram:ID>urn:cen.eu:en16931:2017</ram:ID>");
    }

    @Test
    void theSameCiiUnderTheXRechnungCiusIsValidXRechnung() {
        EInvoice xRechnung = new EInvoice(Invoices.invoice(Invoices.mixedRateLines()), EInvoiceFormat.XRECHNUNG_3_CII,
                Optional.of("04011000-12345-06"));
        byte[] xml = new CiiInvoiceWriter().write(xRechnung);

        assertThat(PhiveValidators.XRECHNUNG_CII.errors(xml)).isEmpty();
        assertThat(PhiveValidators.XRECHNUNG_CII.errors(new CiiInvoiceWriter().write(new EInvoice(
                Invoices.creditNote(), EInvoiceFormat.XRECHNUNG_3_CII, Optional.of("04011000-12345-06"))))).isEmpty();
        byte[] noBuyerReference = new String(xml, StandardCharsets.UTF_8)
                .replaceFirst("<ram:BuyerReference>[^<]*</ram:BuyerReference>", "").getBytes(StandardCharsets.UTF_8);
        assertThat(PhiveValidators.XRECHNUNG_CII.errors(noBuyerReference))
                .anySatisfy(e -> assertThat(e).contains("BR-DE-15"));
    }

    // Negative controls: each validator refuses what breaks its rules.

    @Test
    void veraPdfRefusesTheOrdinaryInvoicePdf() {
        // Helvetica Bold not embedded, no XMP metadata, no output intent
        byte[] ordinary = new InvoicePdfRenderer().render(Invoices.invoice(Invoices.mixedRateLines()));

        assertThat(FacturXValidators.pdfA3Failures(ordinary)).isNotEmpty()
                .anySatisfy(failure -> assertThat(failure).startsWith("6.2.11.4.1"))
                .anySatisfy(failure -> assertThat(failure).startsWith("6.6.2.1"));
    }

    @Test
    void theCiiRulesRefuseATotalThatDoesNotAddUpAndAMissingSellerVatId() {
        byte[] xml = new CiiInvoiceWriter().write(facturX(Invoices.invoice(Invoices.mixedRateLines())));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(PhiveValidators.EN16931_CII.errors(xml)).isEmpty();
        assertThat(PhiveValidators.ZUGFERD_EN16931.errors(xml)).isEmpty();

        byte[] wrongTotal = text.replaceFirst("<ram:GrandTotalAmount>[0-9.]+<", "<ram:GrandTotalAmount>1.00<")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(PhiveValidators.EN16931_CII.errors(wrongTotal)).anySatisfy(e -> assertThat(e).contains("BR-CO-15"));
        assertThat(PhiveValidators.ZUGFERD_EN16931.errors(wrongTotal)).isNotEmpty();

        byte[] noSellerVat = text.replaceFirst(
                "(?s)(<ram:SellerTradeParty>.*?)<ram:SpecifiedTaxRegistration>.*?</ram:SpecifiedTaxRegistration>",
                "$1").getBytes(StandardCharsets.UTF_8);
        assertThat(PhiveValidators.EN16931_CII.errors(noSellerVat)).anySatisfy(e -> assertThat(e).contains("BR-S-02"));
    }

    private static EInvoice facturX(InvoiceDocument document) {
        return new EInvoice(document, EInvoiceFormat.FACTUR_X, Optional.of("04011000-12345-06"));
    }
}
