package io.receivables.invoicing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.receivables.invoicing.document.InvoiceDocument.Line;

class InvoicePdfRendererTest {

    private final InvoicePdfRenderer renderer = new InvoicePdfRenderer();

    /** Formats like a person would write the amount, independently of the renderer's own formatting code. */
    private static String eur(BigDecimal amount) {
        return String.format(Locale.ENGLISH, "%,.2f EUR", amount);
    }

    @Test
    void sixtyLineInvoiceShowsEveryLineOnTwoPagesWithTheTableHeaderRepeated() {
        List<Line> lines = Invoices.manyLines(60);
        InvoiceDocument invoice = Invoices.invoice(lines);

        PdfText pdf = PdfText.of(renderer.render(invoice));

        assertThat(pdf.pages()).isEqualTo(2);
        assertThat(pdf.text()).contains("Page 1 of 2", "Page 2 of 2");
        assertThat(pdf.occurrences("Unit price")).isEqualTo(2);
        assertThat(pdf.text()).contains("INV-2026-000042", "Kunde & Söhne KG", "Receivables Demo GmbH");
        String flowing = pdf.flowing();
        for (Line line : lines) {
            assertThat(flowing).contains(line.description());
        }
        BigDecimal subtotal = lines.stream().map(Line::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = lines.stream().map(Line::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(pdf.text()).contains(eur(subtotal), eur(subtotal.add(tax)),
                eur(subtotal.add(tax).subtract(new BigDecimal("100.00"))));
    }

    @Test
    void showsTotalsVatPerRateAmountDuePaymentDetailsAndDates() {
        PdfText pdf = PdfText.of(renderer.render(Invoices.invoice(Invoices.mixedRateLines())));

        String text = pdf.flowing();
        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(text).contains("Page 1 of 1");
        assertThat(text).contains("Subtotal (net) 1,033.40 EUR");
        assertThat(text).contains("VAT 19 % on 919.00 EUR 174.61 EUR");
        assertThat(text).contains("VAT 7 % on 114.40 EUR 8.01 EUR");
        assertThat(text).contains("Total 1,216.02 EUR");
        assertThat(text).contains("Already paid -100.00 EUR");
        assertThat(text).contains("Amount due 1,116.02 EUR");
        assertThat(text).contains("DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "RF18 INV 2026 0042");
        assertThat(text).contains("31 Mar 2026", "30 Apr 2026", "PO-4711", "1 Mar 2026 – 31 Mar 2026");
        assertThat(text).contains("Early payment discount", "10 Apr 2026", "12.34 EUR", "1,103.68 EUR");
        assertThat(text).contains("Thank you for your business.");
    }

    @Test
    void invoiceWithoutDiscountHasNoDiscountLine() {
        InvoiceDocument base = Invoices.invoice(Invoices.mixedRateLines());
        InvoiceDocument withoutDiscount = new InvoiceDocument(base.kind(), base.number(), base.issueDate(),
                base.dueDate(), Optional.empty(), base.currency(), Optional.empty(), Optional.empty(),
                base.payment(), Optional.empty(), base.seller(), base.buyer(), base.lines(), base.totals(),
                base.correctedInvoice());

        String text = PdfText.of(renderer.render(withoutDiscount)).flowing();

        assertThat(text).doesNotContain("Early payment discount", "Billing period", "PO no.", "Notes");
        assertThat(text).contains("Amount due 1,116.02 EUR");
    }

    @Test
    void charactersTheFontsCannotDrawAreReplacedInsteadOfFailingTheDocument() {
        InvoiceDocument base = Invoices.invoice(List.of(Invoices.line(1, "Zoë – 東京", "1", "10.00", "0.19", 2)));
        InvoiceDocument.Party seller = new InvoiceDocument.Party("Zoë 東京 Trading GmbH", Optional.of("DE123456788"),
                List.of("Kaiserstraße 2"), "Köln", "50667", "DE", Optional.empty());
        InvoiceDocument invoice = new InvoiceDocument(base.kind(), base.number(), base.issueDate(), base.dueDate(),
                base.billingPeriod(), base.currency(), base.purchaseOrderNumber(), Optional.of("Ĳssel \u0007 ☃"),
                base.payment(), base.earlyPaymentDiscount(), seller, base.buyer(), base.lines(), base.totals(),
                base.correctedInvoice());

        byte[][] rendered = new byte[1][];
        assertThatCode(() -> rendered[0] = renderer.render(invoice)).doesNotThrowAnyException();

        String text = PdfText.of(rendered[0]).flowing();
        assertThat(text).contains("Zoë – ??"); // the body font draws ë and the dash, not the CJK characters
        assertThat(text).contains("Zoë ?? Trading GmbH"); // the bold letterhead font too
        assertThat(text).doesNotContain("東京");
    }

    @Test
    void creditNoteIsTitledAsSuchAndNamesTheCorrectedInvoice() {
        String text = PdfText.of(renderer.render(Invoices.creditNote())).flowing();

        assertThat(text).contains("CREDIT NOTE", "CN-2026-000007", "INV-2026-000042 of 31 Mar 2026");
        assertThat(text).contains("Amount credited 118.76 EUR");
        assertThat(text).doesNotContain("Please transfer");
    }
}
