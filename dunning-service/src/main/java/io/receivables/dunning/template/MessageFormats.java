package io.receivables.dunning.template;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.receivables.common.money.Currencies;

/**
 * Amounts and dates as a reader of the message's language expects them: "1.234,50 EUR" and "02.12.2026" in German,
 * "1,234.50 EUR" and "Dec 2, 2026" in English. Amounts keep the currency's minor units (Currencies).
 */
public final class MessageFormats {

    private MessageFormats() {
    }

    public static String amount(BigDecimal amount, String currency, String language) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
        int digits = Currencies.minorUnits(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        // the grouping separator of fr is a narrow no-break space: fine in mail and letters, kept as is
        return format.format(Currencies.round(amount, currency)) + " " + currency;
    }

    public static String date(LocalDate date, String language) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.forLanguageTag(language)));
    }
}
