package io.receivables.contracts.validation;

import static java.util.Objects.requireNonNull;

/**
 * One way an event breaks its schema.
 *
 * @param path JSON Pointer (RFC 6901) to the offending value; for a missing or an unexpected field, the pointer to that
 *        field ({@code /lines/0/quantity}); the empty string is the whole event
 * @param keyword the JSON Schema keyword that failed ({@code required}, {@code type}, {@code enum}, {@code pattern},
 *        {@code format}, {@code additionalProperties}, ...), or {@code json} when the text is not JSON at all
 * @param message a human-readable explanation
 */
public record Violation(String path, String keyword, String message) {

    public Violation {
        requireNonNull(path, "path");
        requireNonNull(keyword, "keyword");
        requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(root)" : path) + " [" + keyword + "]: " + message;
    }
}
