package io.receivables.invoicing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.receivables.invoicing.document.InvoiceDocument.Line;

class UblInvoiceWriterTest {

    private final UblInvoiceWriter writer = new UblInvoiceWriter();

    @Test
    void invoiceIsValidAgainstTheOasisUbl21InvoiceSchema() {
        byte[] xml = writer.write(Invoices.invoice(Invoices.mixedRateLines()));

        assertThat(UblSchemas.violations(UblSchemas.INVOICE, xml)).isEmpty();
    }

    @Test
    void creditNoteIsValidAgainstTheOasisUbl21CreditNoteSchema() {
        byte[] xml = writer.write(Invoices.creditNote());

        assertThat(UblSchemas.violations(UblSchemas.CREDIT_NOTE, xml)).isEmpty();
    }

    @Test
    void schemaValidationRejectsADocumentWithElementsOutOfOrder() {
        // proves the validator is live: IssueDate must come after ID
        String xml = new String(writer.write(Invoices.invoice(Invoices.mixedRateLines())), StandardCharsets.UTF_8)
                .replaceFirst("(<cbc:ID>INV-2026-000042</cbc:ID>)(\\s*)(<cbc:IssueDate>[^<]*</cbc:IssueDate>)",
                        "$3$2$1");

        assertThat(UblSchemas.violations(UblSchemas.INVOICE, xml.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void invoicePassesTheEn16931AndPeppolBusinessRules() {
        byte[] xml = writer.write(Invoices.invoice(Invoices.mixedRateLines()));

        assertThat(BusinessRules.EN16931.fatalViolations(xml)).isEmpty();
        assertThat(BusinessRules.PEPPOL.fatalViolations(xml)).isEmpty();
    }

    @Test
    void creditNotePassesTheEn16931AndPeppolBusinessRules() {
        byte[] xml = writer.write(Invoices.creditNote());

        assertThat(BusinessRules.EN16931.fatalViolations(xml)).isEmpty();
        assertThat(BusinessRules.PEPPOL.fatalViolations(xml)).isEmpty();
    }

    @Test
    void invoiceWithExemptAndZeroRatedLinesPassesTheBusinessRules() {
        List<Line> lines = List.of(
                Invoices.line(1, "Software licence", "1", "1000.00", "0.19", 2),
                Invoices.exemptLine(2, "Training course", "8", "95.00", "Exempt under §4 Nr. 21 UStG"),
                Invoices.line(3, "Printed manual", "2", "15.00", "0", 2));
        byte[] xml = writer.write(Invoices.invoice("EUR", lines, BigDecimal.ZERO));
        Xml ubl = new Xml(xml);

        assertThat(UblSchemas.violations(UblSchemas.INVOICE, xml)).isEmpty();
        assertThat(BusinessRules.EN16931.fatalViolations(xml)).isEmpty();
        assertThat(BusinessRules.PEPPOL.fatalViolations(xml)).isEmpty();
        assertThat(ubl.text("//cac:TaxSubtotal[cac:TaxCategory/cbc:ID='E']/cac:TaxCategory/cbc:TaxExemptionReason"))
                .isEqualTo("Exempt under §4 Nr. 21 UStG");
        assertThat(ubl.count("//cac:TaxSubtotal[cac:TaxCategory/cbc:ID='Z']/cac:TaxCategory/cbc:TaxExemptionReason"))
                .isZero();
        assertThat(ubl.amount("//cac:TaxSubtotal[cac:TaxCategory/cbc:ID='E']/cbc:TaxableAmount"))
                .isEqualByComparingTo("760.00");
    }

    @Test
    void businessRulesRejectAPayableAmountThatDoesNotAddUp() {
        // proves the rule sets are live: BR-CO-16 payable = tax inclusive - prepaid
        String xml = new String(writer.write(Invoices.invoice(Invoices.mixedRateLines())), StandardCharsets.UTF_8)
                .replaceFirst("(<cbc:PayableAmount currencyID=\"EUR\">)[^<]*", "$1" + "1.00");

        assertThat(BusinessRules.EN16931.fatalViolations(xml.getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(violation -> assertThat(violation).contains("BR-CO-16"));
    }

    @Test
    void documentTotalsAreTheSumsOfTheLinesAndTheTaxSubtotals() {
        Xml ubl = new Xml(writer.write(Invoices.invoice(Invoices.mixedRateLines())));

        BigDecimal lineSum = ubl.sum("/inv:Invoice/cac:InvoiceLine/cbc:LineExtensionAmount");
        BigDecimal taxSum = ubl.sum("/inv:Invoice/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount");
        String totals = "/inv:Invoice/cac:LegalMonetaryTotal/";
        assertThat(ubl.amount(totals + "cbc:LineExtensionAmount")).isEqualByComparingTo(lineSum);
        assertThat(ubl.amount(totals + "cbc:TaxExclusiveAmount")).isEqualByComparingTo(lineSum);
        assertThat(ubl.amount("/inv:Invoice/cac:TaxTotal/cbc:TaxAmount")).isEqualByComparingTo(taxSum);
        assertThat(ubl.amount(totals + "cbc:TaxInclusiveAmount")).isEqualByComparingTo(lineSum.add(taxSum));
        assertThat(ubl.amount(totals + "cbc:PayableAmount")).isEqualByComparingTo(
                ubl.amount(totals + "cbc:TaxInclusiveAmount").subtract(ubl.amount(totals + "cbc:PrepaidAmount")));
        // 499.00 + 420.00 + 114.40 (137 x 0.835 = 114.395, half up)
        assertThat(lineSum).isEqualByComparingTo("1033.40");
        assertThat(ubl.amount(totals + "cbc:PrepaidAmount")).isEqualByComparingTo("100.00");
    }

    @Test
    void oneTaxSubtotalPerRateWithTheTaxableAmountOfItsLines() {
        Xml ubl = new Xml(writer.write(Invoices.invoice(Invoices.mixedRateLines())));

        Set<String> lineRates = new TreeSet<>(
                ubl.texts("//cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"));
        assertThat(lineRates).containsExactly("19", "7");
        assertThat(ubl.count("//cac:TaxTotal/cac:TaxSubtotal")).isEqualTo(lineRates.size());
        for (String rate : lineRates) {
            String subtotal = "//cac:TaxSubtotal[cac:TaxCategory/cbc:Percent='" + rate + "']";
            BigDecimal taxable = ubl.sum("//cac:InvoiceLine[cac:Item/cac:ClassifiedTaxCategory/cbc:Percent='" + rate
                    + "']/cbc:LineExtensionAmount");
            assertThat(ubl.amount(subtotal + "/cbc:TaxableAmount")).isEqualByComparingTo(taxable);
            assertThat(ubl.text(subtotal + "/cac:TaxCategory/cbc:ID")).isEqualTo("S");
            assertThat(ubl.text(subtotal + "/cac:TaxCategory/cac:TaxScheme/cbc:ID")).isEqualTo("VAT");
        }
        // per-line rounded tax: 94.81 + 79.80 at 19 %, 8.01 at 7 %
        assertThat(ubl.amount("//cac:TaxSubtotal[cac:TaxCategory/cbc:Percent='19']/cbc:TaxAmount"))
                .isEqualByComparingTo("174.61");
        assertThat(ubl.amount("//cac:TaxSubtotal[cac:TaxCategory/cbc:Percent='7']/cbc:TaxAmount"))
                .isEqualByComparingTo("8.01");
    }

    @Test
    void headerCarriesTheIdentifiersDatesReferencesAndPeriod() {
        Xml ubl = new Xml(writer.write(Invoices.invoice(Invoices.mixedRateLines())));

        assertThat(ubl.text("/inv:Invoice/cbc:CustomizationID"))
                .isEqualTo("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");
        assertThat(ubl.text("/inv:Invoice/cbc:ProfileID")).isEqualTo("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
        assertThat(ubl.text("/inv:Invoice/cbc:ID")).isEqualTo("INV-2026-000042");
        assertThat(ubl.text("/inv:Invoice/cbc:InvoiceTypeCode")).isEqualTo("380");
        assertThat(ubl.text("/inv:Invoice/cbc:IssueDate")).isEqualTo("2026-03-31");
        assertThat(ubl.text("/inv:Invoice/cbc:DueDate")).isEqualTo("2026-04-30");
        assertThat(ubl.text("/inv:Invoice/cbc:DocumentCurrencyCode")).isEqualTo("EUR");
        assertThat(ubl.text("/inv:Invoice/cbc:BuyerReference")).isEqualTo("PO-4711");
        assertThat(ubl.text("/inv:Invoice/cac:OrderReference/cbc:ID")).isEqualTo("PO-4711");
        assertThat(ubl.text("/inv:Invoice/cac:InvoicePeriod/cbc:StartDate")).isEqualTo("2026-03-01");
        assertThat(ubl.text("/inv:Invoice/cac:InvoicePeriod/cbc:EndDate")).isEqualTo("2026-03-31");
        assertThat(ubl.text("//cac:AccountingSupplierParty//cbc:EndpointID/@schemeID")).isEqualTo("9930");
        assertThat(ubl.text("//cac:AccountingCustomerParty//cac:PartyLegalEntity/cbc:RegistrationName"))
                .isEqualTo("Kunde & Söhne KG");
        assertThat(ubl.text("//cac:PaymentMeans/cbc:PaymentMeansCode")).isEqualTo("58");
        assertThat(ubl.text("//cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"))
                .isEqualTo("DE89370400440532013000");
        assertThat(ubl.text("//cac:PaymentTerms/cbc:Note")).contains("12.34 EUR", "2026-04-10");
    }

    @Test
    void everyAmountCarriesTheDocumentCurrency() {
        Xml ubl = new Xml(writer.write(Invoices.invoice(Invoices.mixedRateLines())));

        assertThat(ubl.count("//*[@currencyID]")).isGreaterThan(10);
        assertThat(ubl.count("//*[@currencyID != 'EUR']")).isZero();
        assertThat(ubl.count("//cbc:LineExtensionAmount[not(@currencyID)]")).isZero();
    }

    @Test
    void amountsHaveTheMinorUnitsOfTheCurrency() {
        List<Line> yen = List.of(Invoices.line(1, "Consulting", "3", "15000", "0.10", 0));
        Xml ubl = new Xml(writer.write(Invoices.invoice("JPY", yen, BigDecimal.ZERO)));

        assertThat(ubl.text("//cac:LegalMonetaryTotal/cbc:PayableAmount")).isEqualTo("49500");
        assertThat(ubl.text("//cac:LegalMonetaryTotal/cbc:PrepaidAmount")).isEqualTo("0");
        Xml euro = new Xml(writer.write(Invoices.invoice(Invoices.mixedRateLines())));
        assertThat(euro.texts("//*[@currencyID and not(self::cbc:PriceAmount)]"))
                .allSatisfy(amount -> assertThat(amount).matches("-?\\d+\\.\\d{2}"));
    }

    @Test
    void creditNoteReferencesTheInvoiceItCorrects() {
        Xml ubl = new Xml(writer.write(Invoices.creditNote()));

        assertThat(ubl.text("/cn:CreditNote/cbc:CreditNoteTypeCode")).isEqualTo("381");
        assertThat(ubl.text("/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"))
                .isEqualTo("INV-2026-000042");
        assertThat(ubl.text("/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate"))
                .isEqualTo("2026-03-31");
        assertThat(ubl.count("/cn:CreditNote/cac:CreditNoteLine")).isEqualTo(1);
        assertThat(ubl.text("//cac:CreditNoteLine/cbc:CreditedQuantity/@unitCode")).isEqualTo("C62");
        assertThat(ubl.amount("//cac:LegalMonetaryTotal/cbc:PayableAmount")).isEqualByComparingTo("118.76");
        assertThat(ubl.text("//cac:PaymentMeans/cbc:PaymentMeansCode")).isEqualTo("97");
        assertThat(ubl.count("//cac:PayeeFinancialAccount")).isZero();
    }

    @Test
    void buyerWithoutVatIdOrParticipantHasNoElectronicAddressNeverAnEmailOne() {
        InvoiceDocument.Party consumer = new InvoiceDocument.Party("Zoë Example", Optional.empty(),
                List.of("Rue de la Paix 3"), "Paris", "75002", "FR", Optional.of("zoe@example.org"));
        InvoiceDocument base = Invoices.invoice(Invoices.mixedRateLines());
        InvoiceDocument toConsumer = new InvoiceDocument(base.kind(), base.number(), base.issueDate(),
                base.dueDate(), base.billingPeriod(), base.currency(), base.purchaseOrderNumber(), base.notes(),
                base.payment(), base.earlyPaymentDiscount(), base.seller(), consumer, base.lines(), base.totals(),
                base.correctedInvoice());

        assertThatThrownBy(() -> writer.write(toConsumer))
                .as("Peppol routes by the EndpointID and its code list has no EM (PEPPOL-EN16931-CL008)")
                .isInstanceOf(IllegalArgumentException.class);

        byte[] xml = writer.write(new EInvoice(toConsumer, EInvoiceFormat.EN16931_UBL, Optional.empty()));
        Xml ubl = new Xml(xml);
        assertThat(ubl.count("//cac:AccountingCustomerParty//cbc:EndpointID")).isZero();
        assertThat(ubl.text("//cbc:CustomizationID")).isEqualTo("urn:cen.eu:en16931:2017");
        assertThat(UblSchemas.violations(UblSchemas.INVOICE, xml)).isEmpty();
        assertThat(BusinessRules.EN16931.fatalViolations(xml)).isEmpty();
    }

    @Test
    void aZeroDecimalLineRoundedToWholeYenStatesThePriceTheLineAddsUpWith() {
        InvoiceDocument base = Invoices.invoice(Invoices.mixedRateLines());
        // 7.5 × 133.33 = 999.975 JPY, billed as 1000: PEPPOL-EN16931-R120 allows 0.02 between net and quantity × price
        InvoiceDocument.Line line = new InvoiceDocument.Line(1, "Licence", new BigDecimal("7.5"),
                new BigDecimal("133.33"), new BigDecimal("0.10"), new BigDecimal("1000"), new BigDecimal("100"));
        InvoiceDocument yen = new InvoiceDocument(base.kind(), base.number(), base.issueDate(), base.dueDate(),
                base.billingPeriod(), "JPY", base.purchaseOrderNumber(), base.notes(), base.payment(),
                Optional.empty(), base.seller(), base.buyer(), List.of(line),
                new InvoiceDocument.Totals(new BigDecimal("1000"), new BigDecimal("100"), new BigDecimal("1100"),
                        BigDecimal.ZERO, new BigDecimal("1100")),
                base.correctedInvoice());

        byte[] xml = writer.write(yen);
        Xml ubl = new Xml(xml);
        assertThat(ubl.text("//cac:InvoiceLine/cbc:LineExtensionAmount")).isEqualTo("1000");
        assertThat(ubl.text("//cac:InvoiceLine/cac:Price/cbc:PriceAmount")).isEqualTo("133.3333333333");
        assertThat(BusinessRules.PEPPOL.fatalViolations(xml)).isEmpty();
        assertThat(BusinessRules.EN16931.fatalViolations(xml)).isEmpty();
    }
}
