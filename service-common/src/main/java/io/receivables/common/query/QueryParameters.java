package io.receivables.common.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.receivables.common.limits.BusinessDates;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.text.FreeText;

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
            LocalDate date = LocalDate.parse(value);
            if (!BusinessDates.inRange(date)) {
                errors.add(new FieldError(name, BusinessDates.RANGE_MESSAGE));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "'" + value + "' is not an ISO date such as 2026-11-23"));
            return null;
        }
    }

    /**
     * A page size: {@code defaultValue} when absent, else a whole number from 1 to {@code max}. Taken as text because a
     * typed {@code int} parameter that does not convert is a 404 in JAX-RS, and its bean-validation path does not name
     * the parameter.
     */
    public static int limit(String name, String value, int defaultValue, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > max || !value.strip().matches("\\d+")) {
            errors.add(new FieldError(name, "must be a whole number from 1 to " + max));
            return defaultValue;
        }
        return limit;
    }

    /**
     * A flag: {@code defaultValue} when absent, else exactly {@code true} or {@code false}. Taken as text because JAX-RS
     * converts a typed {@code boolean} with {@code Boolean.valueOf}, which reads any other word ({@code abc},
     * {@code yes}, {@code 1}) as false without a word to the client.
     */
    public static boolean bool(String name, String value, boolean defaultValue, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        errors.add(new FieldError(name, "must be true or false"));
        return defaultValue;
    }

    /** A free-text parameter (a segment, a cursor): null when blank; one with a NUL character is refused. */
    public static String text(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (FreeText.hasNul(value)) {
            errors.add(new FieldError(name, FreeText.NUL_MESSAGE));
            return null;
        }
        return value;
    }

    /** Throws the 400 for every bad parameter collected in {@code errors}, if any. */
    public static void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
