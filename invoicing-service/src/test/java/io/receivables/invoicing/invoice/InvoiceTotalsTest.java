package io.receivables.invoicing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.receivables.invoicing.invoice.service.InvoiceTotals;
import io.receivables.invoicing.invoice.service.InvoiceTotals.PricedLine;

class InvoiceTotalsTest {

    private static PricedLine line(String quantity, String unitPrice, String taxRate) {
        return new PricedLine(new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(taxRate));
    }

    @Test
    void roundsEachLineHalfUpToMinorUnitsAndSumsTheRoundedLines() {
        InvoiceTotals totals = InvoiceTotals.compute("EUR",
                List.of(line("3", "33.335", "0.21"), line("1", "0.005", "0.21"), line("2.5", "10", "0")));

        assertThat(totals.lines().get(0).netAmount()).isEqualByComparingTo("100.01"); // 100.005
        assertThat(totals.lines().get(0).taxAmount()).isEqualByComparingTo("21.00"); // 21.0021
        assertThat(totals.lines().get(1).netAmount()).isEqualByComparingTo("0.01"); // 0.005
        assertThat(totals.lines().get(1).taxAmount()).isEqualByComparingTo("0.00"); // 0.0021
        assertThat(totals.subtotal().toPlainString()).isEqualTo("125.02");
        assertThat(totals.taxTotal().toPlainString()).isEqualTo("21.00");
        assertThat(totals.total().toPlainString()).isEqualTo("146.02");
    }

    @Test
    void usesTheMinorUnitsOfTheInvoiceCurrency() {
        assertThat(InvoiceTotals.compute("JPY", List.of(line("3", "333.5", "0.10"))).total().toPlainString())
                .isEqualTo("1101"); // net 1000.5 -> 1001, tax 100.1 -> 100
        assertThat(InvoiceTotals.compute("KWD", List.of(line("1", "1.2345", "0"))).total().toPlainString())
                .isEqualTo("1.235");
    }

    @Test
    void neverLosesACentOverManyLines() {
        List<PricedLine> lines = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> line("1", "0.10", "0"))
                .toList();
        assertThat(InvoiceTotals.compute("EUR", lines).total().toPlainString()).isEqualTo("100.00");
    }
}
