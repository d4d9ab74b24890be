package io.receivables.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;

import io.receivables.contracts.CurrencyCodes;

/**
 * ISO 4217 currencies a document can be issued in, and their minor units. A code without a defined minor unit (funds,
 * precious metals, "no currency") cannot carry an invoice amount and is rejected.
 */
public final class Currencies {

    /**
     * Commercial rounding (half away from zero) to the currency's minor unit: what EN 16931 invoices and most ERPs use.
     */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /** Active ISO 4217 codes that java.util.Currency does not know, with their ISO minor units. */
    private static final Map<String, Integer> MINOR_UNITS_UNKNOWN_TO_THE_JDK = Map.of("UYW", 4);

    private Currencies() {
    }

    /** True for a code documents can be issued in: one the event schemas accept. */
    public static boolean isIssuable(String code) {
        return CurrencyCodes.isAccepted(code);
    }

    /** The ISO 4217 minor unit: 2 for EUR, 0 for JPY, 3 for KWD. */
    public static int minorUnits(String code) {
        if (!isIssuable(code)) {
            throw new IllegalArgumentException("Not an ISO 4217 currency documents can be issued in: " + code);
        }
        Integer missingFromJdk = MINOR_UNITS_UNKNOWN_TO_THE_JDK.get(code);
        return missingFromJdk != null ? missingFromJdk : Currency.getInstance(code).getDefaultFractionDigits();
    }

    /** The amount as the API and the events show it: rounded to the currency's minor unit, plain ("120.00"). */
    public static String format(BigDecimal amount, String code) {
        return DecimalStrings.format(round(amount, code));
    }

    /** The amount rounded to the currency's minor unit with {@link #ROUNDING}. */
    public static BigDecimal round(BigDecimal amount, String code) {
        return amount.setScale(minorUnits(code), ROUNDING);
    }
}
