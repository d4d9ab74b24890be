package io.receivables.payments.webhook;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import io.receivables.common.money.Currencies;

/**
 * Stripe amounts are integers in the currency's smallest unit as Stripe counts it, which is ISO 4217's minor unit
 * except for Stripe's documented special cases ("Supported currencies": zero-decimal currencies, special cases):
 * <ul>
 * <li>zero-decimal currencies, amount = whole units: BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF
 * (MGA has 2 minor units in ISO 4217, the rest 0);</li>
 * <li>ISK: zero-decimal in ISO 4217 but still sent with two decimals for backwards compatibility (500 = ISK 5);</li>
 * <li>three-decimal currencies (BHD, JOD, KWD, OMR, TND): 3 decimals, as ISO.</li>
 * </ul>
 * The result is exact and must fit the ISO minor unit: ISK 550 (5.50) is refused, not rounded.
 */
public final class StripeAmounts {

    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");
    private static final Set<String> TWO_DECIMAL_IN_STRIPE_ONLY = Set.of("ISK");

    private StripeAmounts() {
    }

    /** The ISO 4217 code for Stripe's lower-case one. */
    public static String currency(String stripeCurrency) {
        return stripeCurrency == null ? null : stripeCurrency.toUpperCase(Locale.ROOT);
    }

    /** The exponent Stripe uses for {@code currency} (ISO code). */
    public static int stripeExponent(String currency) {
        if (ZERO_DECIMAL.contains(currency)) {
            return 0;
        }
        if (TWO_DECIMAL_IN_STRIPE_ONLY.contains(currency)) {
            return 2;
        }
        return Currencies.minorUnits(currency);
    }

    /**
     * {@code minor} in {@code currency} as an exact amount with the ISO minor unit as scale (1999 USD is 19.99, 500 JPY
     * is 500, 5120 KWD is 5.120, 500 ISK is 5).
     *
     * @throws IllegalArgumentException for an unknown currency, a negative amount, or one the ISO minor unit cannot hold
     */
    public static BigDecimal toAmount(long minor, String currency) {
        if (currency == null || !Currencies.isIssuable(currency)) {
            throw new IllegalArgumentException("'" + currency + "' is not an ISO 4217 currency we take");
        }
        if (minor < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        BigDecimal amount = BigDecimal.valueOf(minor, stripeExponent(currency));
        int iso = Currencies.minorUnits(currency);
        if (amount.stripTrailingZeros().scale() > iso) {
            throw new IllegalArgumentException(minor + " in Stripe's units of " + currency + " is "
                    + amount.toPlainString() + ", more decimals than " + currency + "'s " + iso);
        }
        return amount.setScale(iso);
    }
}
