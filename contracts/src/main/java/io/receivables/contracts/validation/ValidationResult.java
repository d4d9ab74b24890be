package io.receivables.contracts.validation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

import io.receivables.contracts.events.EventType;

/** The outcome of validating one event body against its type's schema. Violations are sorted by path. */
public record ValidationResult(EventType type, List<Violation> violations) {

    public ValidationResult {
        requireNonNull(type, "type");
        violations = List.copyOf(violations);
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /** The distinct paths that have a violation, in order. */
    public List<String> paths() {
        return violations.stream().map(Violation::path).distinct().toList();
    }

    /** One line per violation, headed by the event type: suitable for a log line or a dead-letter header. */
    public String describe() {
        if (isValid()) {
            return type.type() + ": valid";
        }
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ",
                type.type() + " event breaks its schema (" + violations.size() + " violation"
                        + (violations.size() == 1 ? "" : "s") + "):\n  ",
                ""));
    }
}
