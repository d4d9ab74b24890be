package io.receivables.payments.statement;

import java.math.BigDecimal;

import io.receivables.common.money.Currencies;

/** Amounts of a statement, checked exactly: never rounded, never more decimals than the currency has. */
public final class StatementAmounts {

    private StatementAmounts() {
    }

    /**
     * {@code amount} with the currency's minor units as its scale (12.5 EUR becomes 12.50), or null after adding why it
     * cannot be one: absent, not positive, a currency documents cannot be in, or more decimals than the currency has
     * (12.345 EUR, 1200.5 JPY: a bank never books those, so the file is wrong, and rounding would lose money).
     */
    public static BigDecimal exact(BigDecimal amount, String currency, String field, String where,
            StatementErrors errors) {
        if (currency == null || !Currencies.isIssuable(currency)) {
            errors.add(field, (currency == null ? "has no currency"
                    : "currency " + quoted(currency)
                            + " is not an active ISO 4217 currency")
                    + where);
            return null;
        }
        if (amount == null) {
            errors.add(field, "is missing or not a decimal number" + where);
            return null;
        }
        if (amount.signum() <= 0) {
            errors.add(field, "must be positive (the direction is the credit/debit indicator), not "
                    + amount.toPlainString() + where);
            return null;
        }
        int minorUnits = Currencies.minorUnits(currency);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > minorUnits) {
            errors.add(field, amount.toPlainString() + " " + currency + " has " + stripped.scale()
                    + (stripped.scale() == 1 ? " decimal; " : " decimals; ") + currency + " has " + minorUnits + where);
            return null;
        }
        return amount.setScale(minorUnits);
    }

    static String quoted(String value) {
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }
}
