package io.receivables.invoicing.invoice.service;

import java.math.BigDecimal;
import java.util.List;

import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;

/**
 * Exact invoice arithmetic. The rule (also in docs/invoicing.md): each line's net amount is quantity × unit price, and its tax
 * is net × rate, both rounded half-up to the currency's minor unit; the invoice's subtotal, tax total and total are the
 * exact sums of the rounded line amounts, so the lines always add up to the totals a customer sees.
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
        BigDecimal subtotal = zero;
        BigDecimal taxTotal = zero;
        List<LineAmounts> lines = new java.util.ArrayList<>(priced.size());
        for (PricedLine line : priced) {
            BigDecimal net = line.quantity().multiply(line.unitPrice()).setScale(scale, Currencies.ROUNDING);
            BigDecimal tax = net.multiply(line.taxRate()).setScale(scale, Currencies.ROUNDING);
            lines.add(new LineAmounts(net, tax));
            subtotal = subtotal.add(net);
            taxTotal = taxTotal.add(tax);
        }
        return new InvoiceTotals(List.copyOf(lines), subtotal, taxTotal, subtotal.add(taxTotal));
    }
}
