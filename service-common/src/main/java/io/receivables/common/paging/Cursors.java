package io.receivables.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.receivables.common.problem.ProblemException;
import io.receivables.common.text.FreeText;

/**
 * Opaque cursors for keyset pagination: the sort key of the last row of a page, as base64url JSON. Opaque so that
 * clients do not build them; a cursor that does not decode is a client error naming the {@code cursor} parameter.
 */
public final class Cursors {

    // trailing tokens refused: a cursor with anything after its key parts is not one this API issued
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<List<String>> PARTS = new TypeReference<>() {
    };

    private Cursors() {
    }

    public static String encode(String... keyParts) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(List.of(keyParts)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key parts of {@code cursor}; it must have {@code parts} of them. */
    public static List<String> decode(String cursor, int parts) {
        try {
            List<String> decoded = JSON.readValue(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8),
                    PARTS);
            if (decoded.size() != parts || decoded.contains(null) || decoded.stream().anyMatch(FreeText::hasNul)) {
                throw notOurs();
            }
            return decoded;
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw notOurs();
        }
    }

    /** A page of at most {@code limit} items from a query that fetched up to {@code limit + 1} rows. */
    public static <T> Page<T> page(List<T> fetched, int limit, java.util.function.Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }

    /** The problem for a cursor this API did not issue (or one whose content does not parse). */
    public static ProblemException notOurs() {
        return ProblemException.invalid("cursor", "is not a cursor this API returned; pass nextCursor as it came");
    }
}
