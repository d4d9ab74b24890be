package io.receivables.common.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a change changed, compactly: a few fields, each with its value before (absent for a new value) and after
 * (absent for a removed one), e.g. {@code status ISSUED -> VOIDED, total 120.00}. Not the whole entity: the audit log
 * says who did what and when; the entity and its events hold the rest.
 */
public final class AuditSummary {

    /** One changed field. Values are text: amounts as plain decimal strings, so nothing is rounded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AuditChange", description = "One field a change changed: its value before (absent when new) and after (absent when removed)")
    public record Change(@Schema(maxLength = 64) String field, @Schema(nullable = true, maxLength = 2000) String from,
            @Schema(nullable = true, maxLength = 2000) String to) {
    }

    /**
     * The event fields a summary derived from an event keeps: document numbers, amounts, currency, reasons and
     * outcomes, not ids (the entity id is on the row), dates or free text.
     */
    private static final Set<String> EVENT_FIELDS = Set.of("currency", "total", "amount", "reasonCode", "outcome",
            "kind", "status", "level");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The column's form. */
    private record Stored(List<Change> changes) {
    }

    private final List<Change> changes = new ArrayList<>();

    private AuditSummary() {
    }

    public static AuditSummary of() {
        return new AuditSummary();
    }

    /** {@code field} went from {@code from} to {@code to}. */
    public AuditSummary change(String field, Object from, Object to) {
        changes.add(new Change(field, text(from), text(to)));
        return this;
    }

    /** {@code field} is now {@code value} (a new entity, or a value without a before worth keeping). */
    public AuditSummary value(String field, Object value) {
        return change(field, null, value);
    }

    /** This summary followed by {@code other}'s changes. */
    public AuditSummary and(AuditSummary other) {
        changes.addAll(other.changes);
        return this;
    }

    /** The telling fields of an event body: numbers, amounts, currency, reason codes and outcomes. */
    public static AuditSummary ofEvent(JsonNode body) {
        AuditSummary summary = of();
        body.properties().forEach(field -> {
            String name = field.getKey();
            if (field.getValue().isValueNode() && !field.getValue().isNull() && (EVENT_FIELDS.contains(name)
                    || name.endsWith("Number") || name.endsWith("Amount") || name.endsWith("Total"))) {
                summary.value(name, field.getValue().asText());
            }
        });
        return summary;
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /**
     * {@code {"changes": [...]}}: an object, not a bare array, since Hibernate Reactive's JSON column type reads a JSON
     * object.
     */
    public String toJson() {
        try {
            return JSON.writeValueAsString(new Stored(changes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Change> read(String json) {
        try {
            return JSON.readValue(json, Stored.class).changes();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_log.summary is not a list of changes: " + json, e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
    }
}
