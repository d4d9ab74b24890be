package io.receivables.common.money;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Decimal strings as the API and the events carry them: plain digits, an optional sign and fraction, no exponent. */
public final class DecimalStrings {

    /** The form every amount, quantity and rate takes on the wire. */
    public static final String REGEX = "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private DecimalStrings() {
    }

    public static boolean isDecimal(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** Parses a string already checked with {@link #isDecimal}; keeps the scale the client wrote. */
    public static BigDecimal parse(String value) {
        if (!isDecimal(value)) {
            throw new IllegalArgumentException("Not a decimal string: " + value);
        }
        return new BigDecimal(value);
    }

    /** The amount as the wire carries it: plain notation, never an exponent. */
    public static String format(BigDecimal value) {
        return value.toPlainString();
    }
}
