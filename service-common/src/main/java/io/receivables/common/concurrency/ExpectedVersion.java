package io.receivables.common.concurrency;

import java.util.List;

/**
 * What a request's {@code If-Match} allows an update to change: any current version ({@code *}), or one of the versions
 * named by strong entity tags. Weak tags and tags this API never issued are valid syntax but match nothing (RFC 9110
 * §13.1.1: If-Match uses the strong comparison), so such a request fails with 412, never updates.
 */
public record ExpectedVersion(boolean any, List<Long> versions) {

    public ExpectedVersion {
        versions = List.copyOf(versions);
    }

    /** {@code If-Match: *}: any current version. */
    public static ExpectedVersion anyVersion() {
        return new ExpectedVersion(true, List.of());
    }

    /** Exactly {@code version}, as {@code If-Match: "7"} says. */
    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(false, List.of(version));
    }

    public boolean allows(long current) {
        return any || versions.contains(current);
    }

    /** For messages: {@code 7}, {@code one of [7, 8]} or {@code none this API issued}. */
    String describe() {
        if (versions.isEmpty()) {
            return "no strong ETag this API issued (weak W/ tags never match an update)";
        }
        return versions.size() == 1 ? versions.get(0).toString() : "one of " + versions;
    }
}
