package io.receivables.payments.statement;

import java.util.ArrayList;
import java.util.List;

import io.receivables.common.problem.FieldError;

/**
 * The errors found while reading one file. Reading goes on after an error so that one answer names every bad entry (up
 * to {@link StatementRejectedException#MAX_ERRORS}); the file is then refused whole.
 */
public final class StatementErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        if (errors.size() < StatementRejectedException.MAX_ERRORS) {
            errors.add(new FieldError(field, message));
        }
    }

    /** How many errors were added (counting stops at the cap). */
    public int count() {
        return errors.size();
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** @throws StatementRejectedException when any error was added */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw StatementRejectedException.invalid(List.copyOf(errors));
        }
    }
}
