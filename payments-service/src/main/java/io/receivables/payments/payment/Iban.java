package io.receivables.payments.payment;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * IBANs as ISO 13616 defines them: country code, two check digits (MOD 97-10), then the national account number, with
 * the length that country registers. Accepted with spaces and in any case; kept in electronic form (no spaces, upper
 * case), which is also how a payer account seen before is recognised.
 */
public final class Iban {

    /** Lengths of the SWIFT IBAN registry for the countries most payers bank in; others get the generic 15..34. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(Map.entry("AT", 20), Map.entry("BE", 16),
            Map.entry("CH", 21), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("ES", 24),
            Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("IE", 22), Map.entry("IT", 27),
            Map.entry("LU", 20), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25),
            Map.entry("SE", 24));

    private Iban() {
    }

    /** The IBAN in electronic form, or empty with {@link #problem} saying why it is not one. */
    public static Optional<String> normalize(String text) {
        return problem(text) == null ? Optional.of(compact(text)) : Optional.empty();
    }

    /** Why {@code text} is not an IBAN, or null when it is one. */
    public static String problem(String text) {
        String iban = compact(text);
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return "must be an IBAN: two letters, two check digits and 11 to 30 letters or digits, e.g."
                    + " \"DE89 3704 0044 0532 0130 00\"";
        }
        Integer length = LENGTHS.get(iban.substring(0, 2));
        if (length != null && iban.length() != length) {
            return "an IBAN of " + iban.substring(0, 2) + " has " + length + " characters, this one " + iban.length();
        }
        if (mod97(iban.substring(4) + iban.substring(0, 4)) != 1) {
            return "is not a valid IBAN: its check digits do not match (mistyped?)";
        }
        return null;
    }

    private static String compact(String text) {
        return text.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static int mod97(String text) {
        int remainder = 0;
        for (char c : text.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }
}
