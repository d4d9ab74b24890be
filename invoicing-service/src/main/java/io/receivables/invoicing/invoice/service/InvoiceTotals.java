package io.receivables.invoicing.invoice.service;

import java.math.BigDecimal;
import java.util.List;

import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;

/**
 * Exact invoice arithmetic. The rule (also in docs/invoicing.md): each line's net amount is quantity × unit price, and its tax
 * is net × rate, both rounded half-up to the currency's minor unit; then the taxes of each rate are balanced so they add
 * up to the rate applied to that rate's net total, rounded (see {@link #balanceTaxPerRate}). The invoice's subtotal, tax
 * total and total are the exact sums of the line amounts, so the lines always add up to the totals a customer sees.
 */
public record InvoiceTotals(List<LineAmounts> lines, BigDecimal subtotal, BigDecimal taxTotal, BigDecimal total) {

    /** One line as priced: quantity, unit price and tax rate (a fraction, 0.20 for 20 %). */
    public record PricedLine(BigDecimal quantity, BigDecimal unitPrice, BigDecimal taxRate) {

        /** A line as requested; its decimals were already checked by {@link InvoiceRequestChecks#checkLines}. */
        public static PricedLine of(InvoiceLineRequest line) {
            return new PricedLine(DecimalStrings.parse(line.quantity()), DecimalStrings.parse(line.unitPrice()),
                    DecimalStrings.parse(line.taxRate()));
        }
    }

    public static InvoiceTotals compute(String currency, List<PricedLine> priced) {
        int scale = Currencies.minorUnits(currency);
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        List<BigDecimal> nets = new java.util.ArrayList<>(priced.size());
        List<BigDecimal> taxes = new java.util.ArrayList<>(priced.size());
        for (PricedLine line : priced) {
            BigDecimal net = line.quantity().multiply(line.unitPrice()).setScale(scale, Currencies.ROUNDING);
            nets.add(net);
            taxes.add(net.multiply(line.taxRate()).setScale(scale, Currencies.ROUNDING));
        }
        balanceTaxPerRate(priced, nets, taxes, scale);
        BigDecimal subtotal = zero;
        BigDecimal taxTotal = zero;
        List<LineAmounts> lines = new java.util.ArrayList<>(priced.size());
        for (int i = 0; i < priced.size(); i++) {
            lines.add(new LineAmounts(nets.get(i), taxes.get(i)));
            subtotal = subtotal.add(nets.get(i));
            taxTotal = taxTotal.add(taxes.get(i));
        }
        return new InvoiceTotals(List.copyOf(lines), subtotal, taxTotal, subtotal.add(taxTotal));
    }

    /**
     * Makes the lines of each tax rate carry exactly that rate applied to their net total, rounded half-up: the VAT
     * breakdown EN 16931 checks (BR-CO-17, BR-S-09). Rounded line by line, many lines drift apart from it, by whole
     * yen in a currency without minor units; the difference is given, one minor unit each, to the lines whose own
     * rounding moved them most in the other direction, so every line stays within one minor unit of its exact tax.
     */
    private static void balanceTaxPerRate(List<PricedLine> priced, List<BigDecimal> nets, List<BigDecimal> taxes,
            int scale) {
        java.util.Map<BigDecimal, List<Integer>> byRate = new java.util.LinkedHashMap<>();
        for (int i = 0; i < priced.size(); i++) {
            byRate.computeIfAbsent(priced.get(i).taxRate().stripTrailingZeros(), rate -> new java.util.ArrayList<>())
                    .add(i);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        byRate.forEach((rate, indexes) -> {
            BigDecimal net = indexes.stream().map(nets::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal target = net.multiply(rate).setScale(scale, Currencies.ROUNDING);
            BigDecimal carried = indexes.stream().map(taxes::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            int steps = target.subtract(carried).movePointRight(scale).intValueExact();
            if (steps == 0) {
                return;
            }
            int sign = Integer.signum(steps);
            // exact minus rounded: the most positive were rounded down most, so they take an added unit first
            List<Integer> order = new java.util.ArrayList<>(indexes);
            order.sort(java.util.Comparator.comparing((Integer i) -> nets.get(i).multiply(rate).subtract(taxes.get(i))
                    .multiply(BigDecimal.valueOf(sign))).reversed().thenComparing(i -> i));
            for (int k = 0; k < Math.abs(steps); k++) {
                int line = order.get(k % order.size());
                taxes.set(line, taxes.get(line).add(unit.multiply(BigDecimal.valueOf(sign))));
            }
        });
    }
}
