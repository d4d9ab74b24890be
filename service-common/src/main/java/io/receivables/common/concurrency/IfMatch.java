package io.receivables.common.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.EntityTag;

import io.receivables.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version ({@code "7"}); an update must send it back in
 * {@code If-Match}, so a client that read version 7 cannot overwrite version 8 (412 instead of a lost update). The
 * header is read per RFC 9110 §13.1.1: {@code *}, or a comma-separated list of entity tags of which any strong one may
 * match; a weak tag ({@code W/"7"}) never matches an update.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /**
     * One {@code If-Match} value from the header's field lines. RFC 9110 §5.3: a list-based field may be split over
     * several lines, and combining them with commas in their order means the same; empty lines add nothing.
     */
    public static String combine(List<String> lines) {
        return String.join(", ", lines.stream().filter(line -> line != null && !line.isBlank()).map(String::strip)
                .toList());
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The versions the client allows, from its {@code If-Match} header. A missing header is 428, one that is not valid
     * RFC 9110 syntax is 400 naming {@code If-Match}.
     */
    public static ExpectedVersion expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Updates need If-Match with the ETag from your last read, so that you never overwrite a change you did not see");
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return ExpectedVersion.anyVersion();
        }
        List<Long> versions = new ArrayList<>();
        int i = 0;
        boolean sawTag = false;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= value.length() || value.charAt(open) != '"') {
                throw malformed(value);
            }
            int close = open + 1;
            while (close < value.length() && value.charAt(close) != '"') {
                if (!isEtagChar(value.charAt(close))) {
                    throw malformed(value);
                }
                close++;
            }
            if (close >= value.length()) {
                throw malformed(value);
            }
            String opaque = value.substring(open + 1, close);
            if (!weak && opaque.matches("\\d{1,18}")) {
                versions.add(Long.parseLong(opaque));
            }
            sawTag = true;
            i = close + 1;
            // after a tag: optional whitespace, then a comma or the end
            while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < value.length() && value.charAt(i) != ',') {
                throw malformed(value);
            }
        }
        if (!sawTag) {
            throw malformed(value);
        }
        return new ExpectedVersion(false, versions);
    }

    /**
     * Runs {@code change} with the versions from {@code ifMatch}; a missing or malformed header fails the returned Uni
     * (428, 400) before the change starts.
     */
    public static <T> Uni<T> expecting(String ifMatch, Function<ExpectedVersion, Uni<T>> change) {
        return Uni.createFrom().item(() -> expectedVersion(ifMatch)).chain(version -> change.apply(version));
    }

    /** Fails with 412 when {@code current} is not a version the client allows. */
    public static void check(ExpectedVersion expected, long current, String what) {
        if (!expected.allows(current)) {
            throw ProblemException.preconditionFailed(what + " is at version " + current + ", not "
                    + expected.describe() + " as your If-Match says: read it again, then apply your change");
        }
    }

    /** RFC 9110 etagc: {@code %x21 / %x23-7E / obs-text}. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || c >= 0x80;
    }

    private static ProblemException malformed(String value) {
        String shown = value.replace("\u0000", "\\u0000");
        return ProblemException.invalid("If-Match", "'" + shown + "' is not an entity tag list such as \"3\" or"
                + " \"3\", \"4\" (or *)");
    }
}
