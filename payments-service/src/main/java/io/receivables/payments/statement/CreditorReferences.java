package io.receivables.payments.statement;

import java.math.BigInteger;
import java.util.Locale;

/**
 * ISO 11649 structured creditor references ({@code RF} + 2 check digits + up to 21 alphanumerics), as invoicing prints
 * them on the invoice and payers copy them into {@code Strd/CdtrRefInf/Ref}.
 */
public final class CreditorReferences {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private CreditorReferences() {
    }

    /** The reference without spaces, upper case for an RF reference; null for a blank one. */
    public static String normalize(String reference) {
        if (reference == null) {
            return null;
        }
        String compact = reference.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            return null;
        }
        return compact.regionMatches(true, 0, "RF", 0, 2) ? compact.toUpperCase(Locale.ROOT) : compact;
    }

    /** True for an RF reference (normalized) whose check digits are right (mod 97 = 1, as for an IBAN). */
    public static boolean isValidRf(String normalized) {
        if (normalized == null || normalized.length() < 5 || normalized.length() > 25 || !normalized.startsWith("RF")
                || !Character.isDigit(normalized.charAt(2)) || !Character.isDigit(normalized.charAt(3))) {
            return false;
        }
        String rearranged = normalized.substring(4) + normalized.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** True when the reference claims to be ISO 11649 (starts with RF and two digits), valid or not. */
    public static boolean claimsRf(String normalized) {
        return normalized != null && normalized.length() >= 4 && normalized.startsWith("RF")
                && Character.isDigit(normalized.charAt(2)) && Character.isDigit(normalized.charAt(3));
    }

    /** The RF reference for {@code body} (1 to 21 letters and digits): what invoicing prints, used by the test files. */
    public static String rf(String body) {
        String upper = body.toUpperCase(Locale.ROOT);
        StringBuilder digits = new StringBuilder();
        for (char c : (upper + "RF00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
        return "RF" + (check < 10 ? "0" : "") + check + upper;
    }
}
