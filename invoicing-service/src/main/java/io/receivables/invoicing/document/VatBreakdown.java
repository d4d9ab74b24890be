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
 * The VAT breakdown both the PDF and the e-invoices show: one subtotal per VAT category and rate, as EN 16931 wants
 * it; an exempt or reverse-charge subtotal states the reason of its first line (a document gives its lines of one such
 * category one reason).
 * The tax of a group is the sum of its lines' (already rounded) tax, so the breakdown adds up to the document's tax
 * total to the cent.
 */
public final class VatBreakdown {

    /** One row of the breakdown. */
    public record Subtotal(VatCategory category, BigDecimal rate, Optional<TaxExemption> exemption,
            BigDecimal taxableAmount, BigDecimal taxAmount) {

        /** Why the category carries no VAT, in words (BT-120). */
        public Optional<String> exemptionReason() {
            return exemption.map(TaxExemption::reason);
        }

        /** Its VATEX code (BT-121). */
        public Optional<String> exemptionReasonCode() {
            return exemption.flatMap(TaxExemption::reasonCode);
        }

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
        Map<Key, Optional<TaxExemption>> exemptions = new LinkedHashMap<>();
        for (Line line : lines) {
            Key key = new Key(VatCategory.of(line), line.taxRate().stripTrailingZeros());
            // EN 16931 allows one breakdown per exempt category (BR-E-01, BR-AE-01): the first line's reason stands
            exemptions.putIfAbsent(key, line.exemption());
            BigDecimal[] sum = sums.computeIfAbsent(key, k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
            sum[0] = sum[0].add(line.netAmount());
            sum[1] = sum[1].add(line.taxAmount());
        }
        List<Subtotal> subtotals = new ArrayList<>();
        sums.forEach((key, sum) -> subtotals
                .add(new Subtotal(key.category(), key.rate(), exemptions.get(key), sum[0], sum[1])));
        subtotals.sort(Comparator.comparing(Subtotal::rate).reversed().thenComparing(Subtotal::category));
        return subtotals;
    }

    private record Key(VatCategory category, BigDecimal rate) {
    }
}
