package io.receivables.invoicing.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.receivables.invoicing.document.InvoiceDocument.Line;

/**
 * The VAT breakdown both the PDF and the UBL document show: one subtotal per VAT category, rate and exemption reason.
 * The tax of a group is the sum of its lines' (already rounded) tax, so the breakdown adds up to the document's tax
 * total to the cent.
 */
public final class VatBreakdown {

    /** One row of the breakdown. */
    public record Subtotal(VatCategory category, BigDecimal rate, Optional<String> exemptionReason,
            BigDecimal taxableAmount, BigDecimal taxAmount) {

        /** The rate as a percentage without trailing zeros: 19, 7, 5.5, 0. */
        public BigDecimal percent() {
            BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
            return percent.scale() < 0 ? percent.setScale(0) : percent;
        }
    }

    private VatBreakdown() {
    }

    /** Subtotals ordered by descending rate, then category. */
    public static List<Subtotal> of(List<Line> lines) {
        Map<Key, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Line line : lines) {
            Key key = new Key(VatCategory.of(line), line.taxRate().stripTrailingZeros(), line.taxExemptionReason());
            BigDecimal[] sum = sums.computeIfAbsent(key, k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
            sum[0] = sum[0].add(line.netAmount());
            sum[1] = sum[1].add(line.taxAmount());
        }
        List<Subtotal> subtotals = new ArrayList<>();
        sums.forEach((key, sum) -> subtotals
                .add(new Subtotal(key.category(), key.rate(), key.exemptionReason(), sum[0], sum[1])));
        subtotals.sort(Comparator.comparing(Subtotal::rate).reversed().thenComparing(Subtotal::category));
        return subtotals;
    }

    private record Key(VatCategory category, BigDecimal rate, Optional<String> exemptionReason) {
    }
}
