package io.receivables.common.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.receivables.common.problem.FieldError;

/**
 * Query parameters taken as text and parsed here, so that a bad value is a 400 naming the parameter (JAX-RS answers a
 * failed conversion of a typed parameter with a 404). A blank value is an absent one (null). A bad value is added to
 * {@code errors} and gives null, so that a caller reports every bad parameter at once.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static UUID uuid(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "'" + value + "' is not a UUID"));
            return null;
        }
    }

    public static LocalDate date(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "'" + value + "' is not an ISO date such as 2026-11-23"));
            return null;
        }
    }
}
