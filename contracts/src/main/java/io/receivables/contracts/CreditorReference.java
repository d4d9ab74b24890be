package io.receivables.contracts;

import java.util.Locale;
import java.util.Optional;

/**
 * ISO 11649 structured creditor references ("RF18 5390 0754 7034"): {@code RF}, two check digits (ISO 7064 MOD 97-10,
 * as in IBANs) and up to 21 letters or digits. Every invoice has one, derived from its number, so that invoicing can
 * print it on the invoice (PDF, UBL {@code PaymentID}) and payments can match the money that quotes it to exactly that
 * invoice. Here, in contracts, because both sides must derive the same reference.
 */
public final class CreditorReference {

    /** The most letters and digits the reference part may have. */
    public static final int MAX_REFERENCE_LENGTH = 21;

    private CreditorReference() {
    }

    /**
     * The reference of an invoice number: its letters and digits in upper case (the last 21 when longer), with check
     * digits: {@code INV-2026-000123} gives {@code RF..INV2026000123} in electronic form (no spaces).
     */
    public static String of(String invoiceNumber) {
        String body = alphanumeric(invoiceNumber);
        if (body.isEmpty()) {
            throw new IllegalArgumentException("An invoice number without letters or digits has no creditor reference");
        }
        if (body.length() > MAX_REFERENCE_LENGTH) {
            body = body.substring(body.length() - MAX_REFERENCE_LENGTH);
        }
        int check = 98 - mod97(body + "RF00");
        return "RF" + (check < 10 ? "0" : "") + check + body;
    }

    /**
     * The reference in electronic form when {@code text} is a valid one, in any case and with any spaces; empty when it
     * is not (wrong form, or check digits that do not match: a mistyped reference).
     */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!compact.matches("RF[0-9]{2}[A-Z0-9]{1," + MAX_REFERENCE_LENGTH + "}")) {
            return Optional.empty();
        }
        return mod97(compact.substring(4) + compact.substring(0, 4)) == 1 ? Optional.of(compact) : Optional.empty();
    }

    /** Upper-case letters and digits of {@code text}, nothing else. */
    public static String alphanumeric(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** ISO 7064 MOD 97-10 over letters (A = 10 ... Z = 35) and digits, computed piecewise (no big numbers). */
    static int mod97(String text) {
        int remainder = 0;
        for (char c : text.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }
}
