package io.receivables.invoicing.creditnote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.receivables.invoicing.creditnote.service.GrossCreditSplit;
import io.receivables.invoicing.creditnote.service.GrossCreditSplit.Part;
import io.receivables.invoicing.invoice.InvoiceLine;

class GrossCreditSplitTest {

    private static InvoiceLine line(String rate, String net, String tax) {
        InvoiceLine line = new InvoiceLine();
        line.price(1, "x", BigDecimal.ONE, new BigDecimal(net), new BigDecimal(rate), new BigDecimal(net),
                new BigDecimal(tax));
        return line;
    }

    private static BigDecimal gross(List<Part> parts) {
        return parts.stream().map(p -> p.netAmount().add(p.taxAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void sharesByGrossPerRateAndAddsUpExactly() {
        List<Part> parts = GrossCreditSplit.ofInvoice(List.of(line("0.19", "1000.00", "190.00"), line("0.07", "50.00", "3.50")),
                new BigDecimal("30.00"), "EUR");
        assertThat(parts).containsExactly(new Part(new BigDecimal("0.19"), new BigDecimal("24.13"), new BigDecimal("4.58")),
                new Part(new BigDecimal("0.07"), new BigDecimal("1.21"), new BigDecimal("0.08")));
        assertThat(gross(parts)).isEqualByComparingTo("30.00");
    }

    @Test
    void linesOfOneRateMakeOnePart() {
        List<Part> parts = GrossCreditSplit.ofInvoice(List.of(line("0.20", "10.00", "2.00"), line("0.2", "5.00", "1.00")),
                new BigDecimal("7.00"), "EUR");
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).netAmount()).isEqualByComparingTo("5.83");
        assertThat(parts.get(0).taxAmount()).isEqualByComparingTo("1.17");
    }

    @Test
    void everyAmountAddsUpExactlyAcrossThreeRatesAndWholeUnitCurrencies() {
        List<InvoiceLine> invoice = List.of(line("0.19", "333.33", "63.33"), line("0.07", "333.33", "23.33"),
                line("0", "333.34", "0"));
        for (int cents = 1; cents <= 5000; cents += 7) {
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            List<Part> parts = GrossCreditSplit.ofInvoice(invoice, amount, "EUR");
            assertThat(gross(parts)).as(amount.toPlainString()).isEqualByComparingTo(amount);
            parts.forEach(p -> assertThat(p.taxAmount().signum()).isNotNegative());
        }
        List<Part> yen = GrossCreditSplit.ofInvoice(List.of(line("0.10", "1000", "100"), line("0.08", "500", "40")),
                new BigDecimal("999"), "JPY");
        assertThat(gross(yen)).isEqualByComparingTo("999");
        assertThat(yen.get(0).netAmount().scale()).isZero();
    }

    @Test
    void whatIsLeftAfterAPartialCreditIsTheInvoiceLessTheCreditedLinesAtEachRate() {
        List<Part> left = GrossCreditSplit.left(List.of(line("0.19", "1000.00", "190.00"), line("0.07", "50.00", "3.50")),
                List.of(line("0.190000", "200.00", "38.00")));
        assertThat(left).containsExactly(new Part(new BigDecimal("0.19"), new BigDecimal("800.00"), new BigDecimal("152.00")),
                new Part(new BigDecimal("0.07"), new BigDecimal("50.00"), new BigDecimal("3.50")));

        // all that is left is credited to the cent at each rate: never more VAT at 19 % than the 152.00 left there
        List<Part> all = GrossCreditSplit.of(left, new BigDecimal("1005.50"), "EUR");
        assertThat(all).containsExactly(new Part(new BigDecimal("0.19"), new BigDecimal("800.00"), new BigDecimal("152.00")),
                new Part(new BigDecimal("0.07"), new BigDecimal("50.00"), new BigDecimal("3.50")));
    }

    @Test
    void aShareNeverTakesMoreNetOrTaxThanIsLeftAtItsRate() {
        // 0.05 net and 0.02 VAT left at 19 % (earlier credits rounded the other way): 0.07 / 1.19 would give 0.06 net
        List<Part> left = List.of(new Part(new BigDecimal("0.19"), new BigDecimal("0.05"), new BigDecimal("0.02")),
                new Part(new BigDecimal("0"), new BigDecimal("100.00"), new BigDecimal("0")));
        for (int cents = 1; cents <= 10007; cents++) {
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            List<Part> parts = GrossCreditSplit.of(left, amount, "EUR");
            assertThat(gross(parts)).as(amount.toPlainString()).isEqualByComparingTo(amount);
            for (Part part : parts) {
                Part there = left.stream().filter(l -> l.taxRate().compareTo(part.taxRate()) == 0).findFirst().orElseThrow();
                assertThat(part.netAmount()).as(amount + " net").isLessThanOrEqualTo(there.netAmount());
                assertThat(part.taxAmount()).as(amount + " tax").isLessThanOrEqualTo(there.taxAmount());
                assertThat(part.taxAmount().signum()).isNotNegative();
            }
        }
    }
}
