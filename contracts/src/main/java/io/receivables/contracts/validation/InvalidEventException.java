package io.receivables.contracts.validation;

import java.util.List;

import io.receivables.contracts.events.EventType;

/** An event body that breaks its schema. The message names every violation. */
public class InvalidEventException extends RuntimeException {

    private final transient ValidationResult result;

    public InvalidEventException(ValidationResult result) {
        super(result.describe());
        this.result = result;
    }

    public EventType type() {
        return result.type();
    }

    public List<Violation> violations() {
        return result.violations();
    }
}
