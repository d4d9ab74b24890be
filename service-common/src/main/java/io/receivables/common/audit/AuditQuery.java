package io.receivables.common.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.receivables.common.problem.FieldError;
import io.receivables.common.query.QueryParameters;

/** The filters of {@code GET /audit}, all optional and combined; read from text so that a bad one is a 400 naming it. */
public record AuditQuery(String entityId, String entityType, String actor, Instant from, Instant to,
        AuditLog.Position after, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    public static AuditQuery parse(String entityId, String entityType, String actor, String from, String to,
            String cursor, String limit) {
        List<FieldError> errors = new ArrayList<>();
        String entity = bounded("entityId", entityId, 64, errors);
        String type = bounded("entityType", entityType, 64, errors);
        String who = bounded("actor", actor, 255, errors);
        Instant fromInstant = instant("from", from, errors);
        Instant toInstant = instant("to", to, errors);
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        int size = QueryParameters.limit("limit", limit, DEFAULT_LIMIT, MAX_LIMIT, errors);
        String cursorText = QueryParameters.text("cursor", cursor, errors);
        QueryParameters.rejectIfAny(errors);
        return new AuditQuery(entity, type, who, fromInstant, toInstant,
                cursorText == null ? null : AuditLog.Position.decode(cursorText), size);
    }

    private static String bounded(String name, String value, int max, List<FieldError> errors) {
        String text = QueryParameters.text(name, value, errors);
        if (text != null && text.length() > max) {
            errors.add(new FieldError(name, "must be at most " + max + " characters"));
            return null;
        }
        return text;
    }

    /** An instant in UTC, as the entries show them: {@code 2026-11-23T10:00:00Z}. */
    private static Instant instant(String name, String value, List<FieldError> errors) {
        String text = QueryParameters.text(name, value, errors);
        if (text == null) {
            return null;
        }
        try {
            if (!text.endsWith("Z")) {
                throw new DateTimeParseException("not UTC", text, 0);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "'" + text + "' is not a UTC instant such as 2026-11-23T10:00:00Z"));
            return null;
        }
    }
}
