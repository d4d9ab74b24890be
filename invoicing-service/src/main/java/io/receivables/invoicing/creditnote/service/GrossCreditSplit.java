package io.receivables.invoicing.creditnote.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.receivables.common.money.Currencies;
import io.receivables.invoicing.invoice.DocumentLine;

/**
 * Splits a gross amount to credit (VAT included, e.g. a dispute's creditedAmount) into net and tax the way the invoice
 * was taxed. The rule (also in the README):
 * <ol>
 * <li>the amount is shared among the invoice's tax rates in proportion to each rate's gross (net + tax) on the
 * invoice, in whole minor units by largest remainder, so the shares add up to the amount exactly; an invoice with one
 * rate gives one share;</li>
 * <li>each share's net is share / (1 + rate) rounded half-up to the minor unit, and its tax is share − net, so net and
 * tax add up to the share exactly (the tax may differ from net × rate by one minor unit, within EN 16931's
 * tolerance).</li>
 * </ol>
 */
public final class GrossCreditSplit {

    /** The credited part at one tax rate. */
    public record Part(BigDecimal taxRate, BigDecimal netAmount, BigDecimal taxAmount) {
    }

    private GrossCreditSplit() {
    }

    /** Parts by descending tax rate, shares of zero left out; they add up to {@code gross} exactly. */
    public static List<Part> of(List<? extends DocumentLine> invoiceLines, BigDecimal gross, String currency) {
        int scale = Currencies.minorUnits(currency);
        Map<BigDecimal, BigDecimal> grossByRate = new TreeMap<>(Comparator.reverseOrder());
        for (DocumentLine line : invoiceLines) {
            grossByRate.merge(line.taxRate.stripTrailingZeros(), line.netAmount.add(line.taxAmount), BigDecimal::add);
        }
        BigDecimal invoiceGross = grossByRate.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (invoiceGross.signum() <= 0) {
            throw new IllegalArgumentException("An invoice without a positive gross amount cannot be credited");
        }
        List<BigDecimal> rates = new ArrayList<>(grossByRate.keySet());
        List<BigDecimal> shares = shares(rates.stream().map(grossByRate::get).toList(), invoiceGross,
                gross.setScale(scale, RoundingMode.UNNECESSARY));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            BigDecimal share = shares.get(i);
            if (share.signum() > 0) {
                BigDecimal rate = rates.get(i);
                BigDecimal net = share.divide(BigDecimal.ONE.add(rate), scale, Currencies.ROUNDING);
                parts.add(new Part(rate, net, share.subtract(net)));
            }
        }
        return parts;
    }

    /** {@code amount} shared by {@code weights} in whole minor units: floors first, then the rest by largest remainder. */
    private static List<BigDecimal> shares(List<BigDecimal> weights, BigDecimal weightTotal, BigDecimal amount) {
        int scale = amount.scale();
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        List<BigDecimal> floors = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigDecimal allotted = BigDecimal.ZERO.setScale(scale);
        for (BigDecimal weight : weights) {
            BigDecimal exact = amount.multiply(weight).divide(weightTotal, scale + 10, RoundingMode.HALF_EVEN);
            BigDecimal floor = exact.setScale(scale, RoundingMode.FLOOR);
            floors.add(floor);
            remainders.add(exact.subtract(floor));
            allotted = allotted.add(floor);
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            byRemainder.add(i);
        }
        // ties go to the earlier (higher) rate, so the result does not depend on anything but the invoice
        byRemainder.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        BigDecimal left = amount.subtract(allotted);
        for (int k = 0; left.signum() > 0; k++) {
            int i = byRemainder.get(k % byRemainder.size());
            floors.set(i, floors.get(i).add(unit));
            left = left.subtract(unit);
        }
        return floors;
    }
}
