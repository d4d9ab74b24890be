package io.receivables.invoicing.document;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.receivables.invoicing.document.InvoiceDocument.Line;

/**
 * The net price (BT-146) an e-invoice states for a line, in UBL and CII alike. EN 16931 checks the line against it
 * (PEPPOL-EN16931-R120: net = quantity × price, to 0.02): the agreed unit price, unless rounding the line to the
 * currency's minor units moved the net further than that. In a currency without minor units (JPY) 7.5 × 133.33 is
 * billed as 1000, so the price is written as the billed net ÷ quantity (133.3333333333), the price the buyer actually
 * pays per unit.
 */
final class NetPrices {

    /** Half of the 0.02 PEPPOL-EN16931-R120 allows, so an effective price's own rounding still fits. */
    private static final BigDecimal PRICE_SLACK = new BigDecimal("0.01");
    private static final int EFFECTIVE_PRICE_SCALE = 10;

    private NetPrices() {
    }

    static BigDecimal of(Line line) {
        BigDecimal exact = line.quantity().multiply(line.unitPrice());
        if (exact.subtract(line.netAmount()).abs().compareTo(PRICE_SLACK) <= 0 || line.quantity().signum() == 0) {
            return line.unitPrice();
        }
        return line.netAmount().divide(line.quantity(), EFFECTIVE_PRICE_SCALE, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    /** A fraction as the percentage e-invoices state: 0.19 as 19, 0.055 as 5.5. */
    static String percent(BigDecimal fraction) {
        BigDecimal percent = fraction.movePointRight(2).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString();
    }
}
