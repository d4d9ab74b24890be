package io.receivables.invoicing.document;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a Peppol participant identifier before it is stored: the scheme must be in the Electronic Address Scheme
 * (EAS) code list Peppol BIS Billing 3.0 accepts (rule PEPPOL-EN16931-CL008), and for the schemes whose numbers carry a
 * check digit the value must pass the check Peppol applies to it (PEPPOL-COMMON-R040 ff.), so a document is never
 * served with an address an access point rejects.
 */
public final class PeppolParticipants {

    /** The EAS code list of OpenPeppol BIS Billing 3.0 (release 2026.5); EM (e-mail) is not in it. */
    public static final Set<String> SCHEMES = Set.of("0002", "0007", "0009", "0060", "0088", "0096", "0097", "0106",
            "0130", "0135", "0142", "0151", "0183", "0184", "0188", "0190", "0191", "0192", "0195", "0196", "0198",
            "0199", "0200", "0201", "0204", "0208", "0209", "0210", "0211", "0216", "0218", "0221", "0225", "0230",
            "0235", "0240", "0242", "0244", "0245", "0246", "0248", "9910", "9913", "9914", "9915", "9918", "9919",
            "9920", "9922", "9923", "9924", "9925", "9926", "9927", "9928", "9929", "9930", "9931", "9932", "9933",
            "9934", "9935", "9936", "9937", "9938", "9939", "9940", "9941", "9942", "9943", "9944", "9945", "9946",
            "9947", "9948", "9949", "9950", "9951", "9952", "9953", "9957", "9959");

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._/+-]{0,199}");

    /** Per scheme, the format Peppol checks, with the description a client gets when the value fails it. */
    private static final Map<String, Check> CHECKS = Map.of(
            "0088", new Check("a GLN: 13 digits with a valid GS1 check digit", PeppolParticipants::gln),
            "0192", new Check("a Norwegian organisation number: 9 digits with a valid mod-11 check digit",
                    PeppolParticipants::norwegianOrganisation),
            "0208", new Check("a Belgian enterprise number: 10 digits with a valid mod-97 check",
                    PeppolParticipants::belgianEnterprise),
            "0007", new Check("a Swedish organisation number: 10 digits with a valid Luhn check digit",
                    PeppolParticipants::swedishOrganisation),
            "0184", new Check("a Danish CVR number: 8 digits, optionally prefixed DK",
                    value -> value.matches("(DK)?[0-9]{8}")));

    private record Check(String description, Predicate<String> valid) {
    }

    private PeppolParticipants() {
    }

    /** Why {@code scheme} is not acceptable, or empty when it is. */
    public static Optional<String> schemeProblem(String scheme) {
        return SCHEMES.contains(scheme) ? Optional.empty()
                : Optional.of("'" + scheme + "' is not in the Peppol EAS code list (e.g. 0088 GLN, 0192 Norwegian"
                        + " organisation number, 9930 German VAT number; EM is not accepted)");
    }

    /** Why {@code value} is not a participant identifier of {@code scheme}, or empty when it is. */
    public static Optional<String> valueProblem(String scheme, String value) {
        if (!PLAIN.matcher(value).matches()) {
            return Optional.of("must be 1 to 200 letters, digits or : . _ / + - without spaces");
        }
        Check check = CHECKS.get(scheme);
        return check == null || check.valid().test(value) ? Optional.empty()
                : Optional.of("is not " + check.description() + " (scheme " + scheme + ")");
    }

    /** GS1 mod-10: weights 3 and 1 from the right, excluding the check digit. */
    static boolean gln(String value) {
        if (!value.matches("[0-9]{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (value.charAt(11 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10 == value.charAt(12) - '0';
    }

    static boolean norwegianOrganisation(String value) {
        if (!value.matches("[0-9]{9}")) {
            return false;
        }
        int[] weights = { 3, 2, 7, 6, 5, 4, 3, 2 };
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (value.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        check = check == 11 ? 0 : check;
        return check != 10 && check == value.charAt(8) - '0';
    }

    static boolean belgianEnterprise(String value) {
        if (!value.matches("[0-9]{10}")) {
            return false;
        }
        long base = Long.parseLong(value.substring(0, 8));
        return 97 - base % 97 == Long.parseLong(value.substring(8));
    }

    static boolean swedishOrganisation(String value) {
        if (!value.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = value.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

}
