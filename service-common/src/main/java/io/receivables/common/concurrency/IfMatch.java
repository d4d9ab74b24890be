package io.receivables.common.concurrency;

import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.EntityTag;

import io.receivables.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version ({@code "7"}); an update must send it back in
 * {@code If-Match}, so a client that read version 7 cannot overwrite version 8 (412 instead of a lost update).
 */
public final class IfMatch {

    private static final Pattern TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private IfMatch() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version the client read, from its {@code If-Match} header; empty for {@code *} (any version). A missing header
     * is 428, one that is not an ETag this API issued is 400.
     */
    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Updates need If-Match with the ETag from your last read, so that you never overwrite a change you did not see");
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return OptionalLong.empty();
        }
        Matcher matcher = TAG.matcher(value);
        if (!matcher.matches()) {
            throw ProblemException.invalid("If-Match", "'" + value + "' is not an ETag this API returned (such as \"3\")");
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }

    /**
     * Runs {@code change} with the version from {@code ifMatch}; a missing or malformed header fails the returned Uni
     * (428, 400) before the change starts.
     */
    public static <T> Uni<T> expecting(String ifMatch, Function<OptionalLong, Uni<T>> change) {
        return Uni.createFrom().item(() -> expectedVersion(ifMatch)).chain(version -> change.apply(version));
    }

    /** Fails with 412 when {@code current} is not the version the client expected. */
    public static void check(OptionalLong expected, long current, String what) {
        if (expected.isPresent() && expected.getAsLong() != current) {
            throw ProblemException.preconditionFailed(what + " is at version " + current + ", not " + expected.getAsLong()
                    + " as your If-Match says: read it again, then apply your change");
        }
    }
}
