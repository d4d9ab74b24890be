package io.receivables.invoicing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.receivables.invoicing.document.StatementDocument.Aging;
import io.receivables.invoicing.document.StatementDocument.Row;
import io.receivables.invoicing.document.StatementDocument.RowKind;

class StatementPdfRendererTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private static Row invoice(String number, int daysOverdue, String amount, String open) {
        LocalDate due = AS_OF.minusDays(daysOverdue == 0 ? -10 : daysOverdue);
        return new Row(due.minusDays(30), number, RowKind.INVOICE, due, new BigDecimal(amount),
                new BigDecimal(open), daysOverdue);
    }

    private static List<Row> rows() {
        return List.of(
                invoice("INV-2026-000100", 120, "500.00", "500.00"),
                invoice("INV-2026-000140", 75, "300.00", "300.00"),
                invoice("INV-2026-000170", 45, "200.00", "150.00"),
                invoice("INV-2026-000190", 30, "100.00", "100.00"),
                invoice("INV-2026-000191", 1, "1000.00", "1000.00"),
                invoice("INV-2026-000220", 0, "2500.00", "2500.00"),
                new Row(LocalDate.of(2026, 6, 2), "CN-2026-000011", RowKind.CREDIT_NOTE, LocalDate.of(2026, 6, 2),
                        new BigDecimal("-80.00"), new BigDecimal("-80.00"), 0),
                new Row(LocalDate.of(2026, 6, 20), "PAY-2026-000077", RowKind.PAYMENT, LocalDate.of(2026, 6, 20),
                        new BigDecimal("-20.00"), new BigDecimal("-20.00"), 0));
    }

    @Test
    void agingPutsOpenAmountsInTheirBucketsAtTheBoundaries() {
        Aging aging = Aging.of(rows());

        assertThat(aging.current()).isEqualByComparingTo("2400.00"); // 2500 - 80 - 20
        assertThat(aging.days1To30()).isEqualByComparingTo("1100.00"); // 1 and 30 days
        assertThat(aging.days31To60()).isEqualByComparingTo("150.00");
        assertThat(aging.days61To90()).isEqualByComparingTo("300.00");
        assertThat(aging.over90Days()).isEqualByComparingTo("500.00");
        assertThat(aging.total()).isEqualByComparingTo("4450.00");
    }

    @Test
    void statementShowsEveryRowTheBalanceAndTheAgingBuckets() {
        StatementDocument statement = StatementDocument.of(Invoices.SELLER, Invoices.BUYER, AS_OF, "EUR", rows());

        PdfText pdf = PdfText.of(new StatementPdfRenderer().render(statement));

        String text = pdf.flowing();
        assertThat(text).contains("STATEMENT", "Kunde & Söhne KG", "30 Jun 2026", "Page 1 of 1");
        for (Row row : statement.rows()) {
            assertThat(text).contains(row.documentNumber());
        }
        assertThat(text).contains("Balance 4,450.00 EUR");
        assertThat(text).contains("Current 2,400.00 EUR", "1-30 days 1,100.00 EUR", "31-60 days 150.00 EUR",
                "61-90 days 300.00 EUR", "Over 90 days 500.00 EUR");
        assertThat(text).contains("INV-2026-000191 Invoice 29 Jun 2026 1,000.00 EUR 1,000.00 EUR 1");
        assertThat(text).contains("Overdue: 2,050.00 EUR");
        assertThat(text).contains("Credit note", "Payment", "120");
    }

    @Test
    void longStatementContinuesOnFurtherPages() {
        List<Row> many = java.util.stream.IntStream.rangeClosed(1, 120)
                .mapToObj(i -> invoice("INV-2026-%06d".formatted(i), i % 100, "10.00", "10.00")).toList();

        PdfText pdf = PdfText.of(new StatementPdfRenderer().render(
                StatementDocument.of(Invoices.SELLER, Invoices.BUYER, AS_OF, "EUR", many)));

        assertThat(pdf.pages()).isGreaterThan(1);
        assertThat(pdf.text()).contains("Page 1 of " + pdf.pages(), "INV-2026-000120", "Balance 1,200.00 EUR");
        assertThat(pdf.occurrences("Days overdue")).isEqualTo(pdf.pages());
    }
}
