package io.receivables.dunning.run;

import java.math.BigInteger;
import java.util.Locale;
import java.util.UUID;

/**
 * The payment reference printed on a customer's reminders. dunning's read model has no payment reference of its own
 * (invoicing's events carry none), so it is a stable ISO 11649 creditor reference made from the customer id: the same
 * on every reminder to the customer, checkable by any bank (two check digits), and matched back to the customer by its
 * 21 characters (the first 21 hex digits of the id).
 */
public final class PaymentReferences {

    private PaymentReferences() {
    }

    public static String of(UUID customerId) {
        String body = customerId.toString().replace("-", "").substring(0, 21).toUpperCase(Locale.ROOT);
        return "RF" + checkDigits(body) + body;
    }

    /** ISO 11649: 98 − (body + "RF00" with letters as 10..35) mod 97, two digits. */
    static String checkDigits(String body) {
        StringBuilder digits = new StringBuilder();
        for (char c : (body + "RF00").toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format(Locale.ROOT, "%02d", check);
    }
}
