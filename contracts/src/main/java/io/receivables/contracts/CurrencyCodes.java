package io.receivables.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ISO 4217 codes a document may be issued in, read from the {@code currency} definition of the schemas'
 * common.json so that a REST API checking a currency and the event schemas can never disagree.
 */
public final class CurrencyCodes {

    private static final String COMMON_SCHEMA = "schemas/v1/common.json";
    private static final SortedSet<String> ACCEPTED = load();

    private CurrencyCodes() {
    }

    /** True for an accepted code such as {@code EUR}; false for {@code eur}, {@code EURO}, {@code XYZ} or null. */
    public static boolean isAccepted(String code) {
        return code != null && ACCEPTED.contains(code);
    }

    /** The accepted codes in alphabetical order. */
    public static SortedSet<String> all() {
        return ACCEPTED;
    }

    private static SortedSet<String> load() {
        try (InputStream in = CurrencyCodes.class.getClassLoader().getResourceAsStream(COMMON_SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_SCHEMA + " is missing from the class path");
            }
            JsonNode codes = new ObjectMapper().readTree(in).at("/$defs/currency/enum");
            SortedSet<String> accepted = new TreeSet<>();
            codes.forEach(code -> accepted.add(code.textValue()));
            if (accepted.isEmpty()) {
                throw new IllegalStateException(COMMON_SCHEMA + " has no /$defs/currency/enum");
            }
            return Collections.unmodifiableSortedSet(accepted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMMON_SCHEMA, e);
        }
    }
}
