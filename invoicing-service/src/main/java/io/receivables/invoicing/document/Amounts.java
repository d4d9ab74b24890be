package io.receivables.invoicing.document;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.receivables.common.money.Currencies;

/** How amounts, quantities and dates read on the documents: one fixed, English presentation. */
final class Amounts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Amounts() {
    }

    /** The amount at exactly the currency's minor units, e.g. 100 EUR as 100.00 (as UBL and EN 16931 want it). */
    static BigDecimal scaled(BigDecimal amount, String currency) {
        return Currencies.round(amount, currency);
    }

    /** "1,234.50 EUR". */
    static String money(BigDecimal amount, String currency) {
        return grouped(Currencies.minorUnits(currency)).format(scaled(amount, currency)) + " " + currency;
    }

    /** A unit price keeps the precision it was agreed with, but at least the currency's minor units. */
    static String unitPrice(BigDecimal price, String currency) {
        int scale = Math.max(Currencies.minorUnits(currency), price.stripTrailingZeros().scale());
        return grouped(scale).format(price.setScale(scale));
    }

    static String quantity(BigDecimal quantity) {
        BigDecimal plain = quantity.stripTrailingZeros();
        return grouped(Math.max(0, plain.scale())).format(plain);
    }

    static String percent(BigDecimal fraction) {
        BigDecimal percent = fraction.movePointRight(2).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + " %";
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    private static DecimalFormat grouped(int fractionDigits) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(fractionDigits);
        format.setMaximumFractionDigits(fractionDigits);
        format.setParseBigDecimal(true);
        return format;
    }
}
