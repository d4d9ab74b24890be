package io.receivables.invoicing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.receivables.invoicing.document.InvoiceDocument.InvoiceReference;
import io.receivables.invoicing.document.InvoiceDocument.Line;
import io.receivables.invoicing.document.InvoiceDocument.Party;

/**
 * Lines exempt from VAT (category E, with reason and VATEX code) and under reverse charge (AE) beside taxed ones, in
 * every format, checked by phive's published rule sets and, for Factur-X, veraPDF. The document model and writers
 * support them; the API does not yet let a client choose them per line (docs/einvoicing.md).
 */
class VatExemptionDocumentsTest {

    private static final TaxExemption ARTICLE_132 = new TaxExemption(VatCategory.EXEMPT,
            Optional.of("VATEX-EU-132"), "Exempt under Article 132 of Council Directive 2006/112/EC");

    private static List<Line> mixedLines() {
        BigDecimal net = new BigDecimal("3").multiply(new BigDecimal("80.00")).setScale(2, RoundingMode.HALF_UP);
        Line exempt = new Line(2, "Medical training course", new BigDecimal("3"), Line.UNIT_PIECE,
                new BigDecimal("80.00"), BigDecimal.ZERO, net, BigDecimal.ZERO.setScale(2), Optional.of(ARTICLE_132));
        return List.of(Invoices.line(1, "Platform subscription", "1", "499.00", "0.19", 2), exempt,
                Invoices.reverseChargeLine(3, "Construction work (reverse charge, section 13b UStG)", "10", "65.00"),
                Invoices.reverseChargeLine(4, "Scaffolding", "1", "120.00"));
    }

    @Test
    void anInvoiceWithTaxedExemptAndReverseChargeLinesIsValidInEveryFormat() {
        InvoiceDocument invoice = Invoices.invoice("EUR", mixedLines(), BigDecimal.ZERO);

        assertThat(ubl(invoice, EInvoiceFormat.PEPPOL_BIS_3, PhiveValidators.PEPPOL_INVOICE)).isEmpty();
        assertThat(ubl(invoice, EInvoiceFormat.EN16931_UBL, PhiveValidators.EN16931_INVOICE)).isEmpty();
        assertThat(ubl(invoice, EInvoiceFormat.XRECHNUNG_3, PhiveValidators.XRECHNUNG_INVOICE)).isEmpty();
        assertThat(PhiveValidators.XRECHNUNG_CII.errors(cii(invoice, EInvoiceFormat.XRECHNUNG_3_CII))).isEmpty();
        assertThat(FacturXValidators.errors(new FacturXWriter().write(eInvoice(invoice, EInvoiceFormat.FACTUR_X))))
                .isEmpty();

        String xml = new String(cii(invoice, EInvoiceFormat.FACTUR_X), StandardCharsets.UTF_8);
        assertThat(xml).contains("<ram:CategoryCode>AE</ram:CategoryCode>",
                "<ram:ExemptionReasonCode>VATEX-EU-AE</ram:ExemptionReasonCode>",
                "<ram:ExemptionReasonCode>VATEX-EU-132</ram:ExemptionReasonCode>");
        assertThat(PdfText.of(new InvoicePdfRenderer().render(invoice)).text()).contains("Reverse charge on",
                "VAT exempt on");
    }

    @Test
    void aReverseChargeCreditNoteIsValid() {
        List<Line> lines = List.of(Invoices.reverseChargeLine(1, "Credit: construction work", "2", "65.00"));
        InvoiceDocument note = new InvoiceDocument(DocumentKind.CREDIT_NOTE, "CN-2026-000008", LocalDate.of(2026, 4, 5),
                LocalDate.of(2026, 4, 5), Optional.empty(), "EUR", Optional.of("PO-4711"), Optional.empty(),
                Invoices.PAYMENT, Optional.empty(), Invoices.SELLER, Invoices.BUYER, lines,
                Invoices.totals(lines, BigDecimal.ZERO),
                Optional.of(new InvoiceReference("INV-2026-000042", LocalDate.of(2026, 3, 31))));

        assertThat(ubl(note, EInvoiceFormat.PEPPOL_BIS_3, PhiveValidators.PEPPOL_CREDIT_NOTE)).isEmpty();
        assertThat(ubl(note, EInvoiceFormat.XRECHNUNG_3, PhiveValidators.XRECHNUNG_CREDIT_NOTE)).isEmpty();
        assertThat(PhiveValidators.EN16931_CII.errors(cii(note, EInvoiceFormat.FACTUR_X))).isEmpty();
    }

    @Test
    void reverseChargeNeedsTheBuyersVatIdAndTheRulesSaySo() {
        InvoiceDocument invoice = Invoices.invoice("EUR", mixedLines(), BigDecimal.ZERO);
        // negative control: the same document without the buyer's VAT id breaks BR-AE-02 in both syntaxes
        String ubl = new String(new UblInvoiceWriter().write(eInvoice(invoice, EInvoiceFormat.EN16931_UBL)),
                StandardCharsets.UTF_8);
        byte[] ublWithoutBuyerVat = ubl.replaceFirst(
                "(?s)(<cac:AccountingCustomerParty>.*?)<cac:PartyTaxScheme>.*?</cac:PartyTaxScheme>", "$1")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(PhiveValidators.EN16931_INVOICE.errors(ublWithoutBuyerVat))
                .anySatisfy(error -> assertThat(error).contains("BR-AE-02"));
        String cii = new String(cii(invoice, EInvoiceFormat.FACTUR_X), StandardCharsets.UTF_8);
        byte[] ciiWithoutBuyerVat = cii.replaceFirst(
                "(?s)(<ram:BuyerTradeParty>.*?)<ram:SpecifiedTaxRegistration>.*?</ram:SpecifiedTaxRegistration>",
                "$1").getBytes(StandardCharsets.UTF_8);
        assertThat(PhiveValidators.EN16931_CII.errors(ciiWithoutBuyerVat))
                .anySatisfy(error -> assertThat(error).contains("BR-AE-02"));

        Party withoutVatId = new Party("Bauherr GmbH", Optional.empty(), List.of("Baustraße 1"), "Köln", "50667", "DE",
                Optional.empty());
        InvoiceDocument refused = new InvoiceDocument(invoice.kind(), invoice.number(), invoice.issueDate(),
                invoice.dueDate(), invoice.billingPeriod(), invoice.currency(), invoice.purchaseOrderNumber(),
                invoice.notes(), invoice.payment(), invoice.earlyPaymentDiscount(), invoice.seller(), withoutVatId,
                invoice.lines(), invoice.totals(), invoice.correctedInvoice());
        assertThatThrownBy(() -> new UblInvoiceWriter().write(eInvoice(refused, EInvoiceFormat.EN16931_UBL)))
                .hasMessageContaining("BR-AE-02");
        assertThatThrownBy(() -> cii(refused, EInvoiceFormat.FACTUR_X)).hasMessageContaining("BR-AE-02");
    }

    private static List<String> ubl(InvoiceDocument document, EInvoiceFormat format, PhiveValidators validator) {
        return validator.errors(new UblInvoiceWriter().write(eInvoice(document, format)));
    }

    private static byte[] cii(InvoiceDocument document, EInvoiceFormat format) {
        return new CiiInvoiceWriter().write(eInvoice(document, format));
    }

    private static EInvoice eInvoice(InvoiceDocument document, EInvoiceFormat format) {
        return new EInvoice(document, format, Optional.of("04011000-12345-06"));
    }
}
