package io.receivables.payments.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.receivables.contracts.CreditorReference;

/**
 * The references a payer wrote: valid ISO 11649 creditor references (from up to seven adjacent words: their paper
 * form), and every run of one to six adjacent words of the remittance text in the form invoice numbers are compared
 * in (upper case, letters and digits only). So
 * "inv 2026-000123", "INV2026 000123" and "Inv-2026-000123" all yield "INV2026000123", and "2026/000123" yields
 * "2026000123", which matches the number without its prefix. Each key keeps the position where it first starts, so
 * that invoices are paid in the order the payer named them.
 */
public final class RemittanceReferences {

    /** The most adjacent words joined into one key: "RF18 5390 0754 7034" has four, "INV 2026 000 123" four. */
    static final int MAX_WORDS = 6;
    /**
     * The most adjacent words a creditor reference is read from: its paper form in groups of four, as invoicing prints
     * it, has seven for a reference of 25 characters ("RF64 ME20 25EX PORT 0001 2345 B" for invoice
     * ACME/2025/EXPORT-00012345-B). Only for references, whose check digits rule out chance joins; invoice numbers
     * keep {@link #MAX_WORDS}.
     */
    static final int MAX_REFERENCE_WORDS = 7;
    /** Keys longer than this are no invoice number (the column holds 64; creditor references 25). */
    static final int MAX_KEY_LENGTH = 40;
    /** A number without its prefix counts only from this many characters on: "2026" alone names no invoice. */
    public static final int MIN_CORE_LENGTH = 5;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Set<String> creditorReferences;
    private final Map<String, Integer> keys;

    private RemittanceReferences(Set<String> creditorReferences, Map<String, Integer> keys) {
        this.creditorReferences = creditorReferences;
        this.keys = keys;
    }

    /** Scans the free text and the structured reference; either may be null. */
    public static RemittanceReferences scan(String remittanceText, String structuredReference) {
        Set<String> references = new LinkedHashSet<>();
        Map<String, Integer> keys = new LinkedHashMap<>();
        if (structuredReference != null) {
            CreditorReference.parse(structuredReference).ifPresent(references::add);
            String key = CreditorReference.alphanumeric(structuredReference);
            if (!key.isEmpty() && key.length() <= MAX_KEY_LENGTH) {
                keys.putIfAbsent(key, -1);
            }
        }
        if (remittanceText != null) {
            List<String> words = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            Matcher matcher = WORD.matcher(remittanceText.toUpperCase(Locale.ROOT));
            while (matcher.find()) {
                words.add(CreditorReference.alphanumeric(matcher.group()));
                starts.add(matcher.start());
            }
            for (int first = 0; first < words.size(); first++) {
                StringBuilder joined = new StringBuilder();
                for (int last = first; last < Math.min(words.size(), first + MAX_REFERENCE_WORDS); last++) {
                    joined.append(words.get(last));
                    if (joined.isEmpty()) {
                        continue;
                    }
                    if (joined.length() > MAX_KEY_LENGTH) {
                        break;
                    }
                    String key = joined.toString();
                    if (last - first < MAX_WORDS) {
                        keys.putIfAbsent(key, starts.get(first));
                    }
                    if (key.startsWith("RF")) {
                        CreditorReference.parse(key).ifPresent(references::add);
                    }
                }
            }
        }
        return new RemittanceReferences(Set.copyOf(references), keys);
    }

    /** The number of an invoice without its leading letters: "INV2026000123" gives "2026000123". */
    public static String core(String numberKey) {
        int start = 0;
        while (start < numberKey.length() && Character.isLetter(numberKey.charAt(start))) {
            start++;
        }
        return numberKey.substring(start);
    }

    public Set<String> creditorReferences() {
        return creditorReferences;
    }

    /** Every key, for looking the invoices up by number. */
    public Set<String> keys() {
        return keys.keySet();
    }

    /** Where {@code key} first starts in the text (-1: the structured reference), or null when it is not there. */
    public Integer position(String key) {
        return keys.get(key);
    }

    public boolean isEmpty() {
        return creditorReferences.isEmpty() && keys.isEmpty();
    }
}
