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
 * Splits a gross amount to credit (VAT included, e.g. a dispute's creditedAmount, or all that is left of a partly
 * credited invoice) into net and tax the way the invoice was taxed, never crediting more at a rate than is left at it.
 * The rule (also in docs/money-and-balances.md):
 * <ol>
 * <li>what is left at each tax rate is what the invoice's lines came to at that rate less what its earlier credit notes
 * credited at it, net and tax each;</li>
 * <li>the amount is shared among the rates in proportion to each rate's gross left (net + tax), in whole minor units by
 * largest remainder, so the shares add up to the amount exactly and no share exceeds its rate's gross left; an invoice
 * with one rate gives one share;</li>
 * <li>a share that takes all that is left at its rate credits exactly the net and tax left there (so a "full" credit
 * after a partial one credits what is left, to the cent); any other share's net is share / (1 + rate) rounded half-up
 * to the minor unit and its tax is share − net, moved by the rounding cent if needed so that neither exceeds what is
 * left at the rate (the tax may then differ from net × rate by one minor unit, within EN 16931's tolerance).</li>
 * </ol>
 */
public final class GrossCreditSplit {

    /** An amount at one tax rate: what is left to credit there, or the credited part. */
    public record Part(BigDecimal taxRate, BigDecimal netAmount, BigDecimal taxAmount) {

        public BigDecimal gross() {
            return netAmount.add(taxAmount);
        }
    }

    private GrossCreditSplit() {
    }

    /**
     * What is left to credit at each of the invoice's tax rates, by descending rate: its lines less the lines of its
     * credit notes so far, net and tax each; rates with nothing left are left out.
     */
    public static List<Part> left(List<? extends DocumentLine> invoiceLines, List<? extends DocumentLine> creditedLines) {
        Map<BigDecimal, BigDecimal[]> byRate = new TreeMap<>(Comparator.reverseOrder());
        for (DocumentLine line : invoiceLines) {
            BigDecimal[] amounts = byRate.computeIfAbsent(line.taxRate.stripTrailingZeros(),
                    rate -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
            amounts[0] = amounts[0].add(line.netAmount);
            amounts[1] = amounts[1].add(line.taxAmount);
        }
        for (DocumentLine line : creditedLines) {
            // a credit at a rate the invoice does not have (refused since, possible in old data) takes nothing away
            BigDecimal[] amounts = byRate.get(line.taxRate.stripTrailingZeros());
            if (amounts != null) {
                amounts[0] = amounts[0].subtract(line.netAmount);
                amounts[1] = amounts[1].subtract(line.taxAmount);
            }
        }
        List<Part> left = new ArrayList<>();
        byRate.forEach((rate, amounts) -> {
            Part part = new Part(rate, amounts[0].max(BigDecimal.ZERO), amounts[1].max(BigDecimal.ZERO));
            if (part.gross().signum() > 0) {
                left.add(part);
            }
        });
        return left;
    }

    /** {@link #of(List, BigDecimal, String)} of an invoice nothing was credited on yet. */
    public static List<Part> ofInvoice(List<? extends DocumentLine> invoiceLines, BigDecimal gross, String currency) {
        return of(left(invoiceLines, List.of()), gross, currency);
    }

    /**
     * Parts by descending tax rate, shares of zero left out; they add up to {@code gross} exactly and none exceeds, net
     * or tax, what is {@code left} at its rate.
     *
     * @throws IllegalArgumentException when {@code gross} is more than all that is left
     */
    public static List<Part> of(List<Part> left, BigDecimal gross, String currency) {
        int scale = Currencies.minorUnits(currency);
        BigDecimal leftGross = left.stream().map(Part::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (leftGross.signum() <= 0) {
            throw new IllegalArgumentException("An invoice without a positive gross amount left cannot be credited");
        }
        if (gross.compareTo(leftGross) > 0) {
            throw new IllegalArgumentException("Cannot credit " + gross.toPlainString() + ": only "
                    + leftGross.toPlainString() + " is left");
        }
        List<BigDecimal> shares = shares(left.stream().map(Part::gross).toList(), leftGross,
                gross.setScale(scale, RoundingMode.UNNECESSARY));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            BigDecimal share = shares.get(i);
            if (share.signum() > 0) {
                parts.add(part(left.get(i), share, scale));
            }
        }
        return parts;
    }

    private static Part part(Part left, BigDecimal share, int scale) {
        if (share.compareTo(left.gross()) == 0) {
            return new Part(left.taxRate(), left.netAmount().setScale(scale, Currencies.ROUNDING),
                    left.taxAmount().setScale(scale, Currencies.ROUNDING));
        }
        BigDecimal net = share.divide(BigDecimal.ONE.add(left.taxRate()), scale, Currencies.ROUNDING);
        BigDecimal tax = share.subtract(net);
        if (tax.compareTo(left.taxAmount()) > 0) {
            tax = left.taxAmount();
            net = share.subtract(tax);
        } else if (net.compareTo(left.netAmount()) > 0) {
            net = left.netAmount();
            tax = share.subtract(net);
        }
        return new Part(left.taxRate(), net, tax);
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
