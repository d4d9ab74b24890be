package io.receivables.contracts.validation;

import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.ReceivablesEvent;
import io.receivables.contracts.events.UnknownEventTypeException;
import io.receivables.contracts.json.EventJson;

/**
 * Validates event bodies against the v1 JSON Schemas.
 * <p>
 * Producers' tests call {@link #assertValid} on what they emit; consumers call {@link #validate} or {@link #readValid}
 * to reject a malformed event (to a dead-letter topic) before it touches their state.
 * <p>
 * The schemas are loaded and compiled once, from the class path, when {@link #shared()} is first called. Their
 * {@code https://receivables.io/schemas/} ids are mapped to the class path and any other location is refused, so
 * validation never reaches the network. Format keywords ({@code date}, {@code date-time}, {@code uuid}, {@code email})
 * are asserted, not just annotations as draft 2020-12 would have it by default. The instance is immutable and safe to
 * share between threads.
 */
public final class EventValidator {

    private static final String CLASS_PATH_SCHEMAS = "classpath:schemas/";

    private static final Comparator<Violation> BY_PATH = Comparator.comparing(Violation::path)
            .thenComparing(Violation::keyword)
            .thenComparing(Violation::message);

    /** Keywords about a field of an object: their violation points at the field, not at the object. */
    private static final Set<String> FIELD_KEYWORDS = Set.of("required", "additionalProperties", "dependentRequired",
            "unevaluatedProperties");
    private static final int MAX_VALUE_LENGTH = 80;
    private static final int MAX_LISTED_ENUM_VALUES = 12;

    private final Map<EventType, JsonSchema> schemas;

    private EventValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(EventType.SCHEMA_ID_PREFIX, CLASS_PATH_SCHEMAS))
                .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(
                        iri -> iri.toString().startsWith("classpath:")))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        Map<EventType, JsonSchema> compiled = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(type.schemaId()), config);
            // Resolve every $ref (common.json) now, so a broken catalogue fails at start-up, not on some later event.
            schema.initializeValidators();
            compiled.put(type, schema);
        }
        this.schemas = Collections.unmodifiableMap(compiled);
    }

    /** The validator of the v1 catalogue, built on first use. */
    public static EventValidator shared() {
        return Holder.SHARED;
    }

    /**
     * Validates the body of an event whose {@code ce_type} is {@code type}.
     *
     * @throws UnknownEventTypeException when {@code type} is not in the catalogue
     */
    public ValidationResult validate(String type, JsonNode event) {
        return validate(EventType.fromType(type), event);
    }

    /**
     * Validates JSON text as the body of an event of {@code type}. Text that is not JSON is one violation at the root
     * with keyword {@code json}.
     *
     * @throws UnknownEventTypeException when {@code type} is not in the catalogue
     */
    public ValidationResult validate(String type, String json) {
        return validate(EventType.fromType(type), json);
    }

    public ValidationResult validate(EventType type, String json) {
        JsonNode event;
        try {
            event = EventJson.readTree(json);
        } catch (UncheckedIOException e) {
            return new ValidationResult(type, List.of(new Violation("", "json", e.getMessage())));
        }
        if (event == null || event.isMissingNode()) {
            return new ValidationResult(type, List.of(new Violation("", "json", "the event body is empty")));
        }
        return validate(type, event);
    }

    public ValidationResult validate(EventType type, JsonNode event) {
        List<Violation> violations = schemas.get(type).validate(event).stream()
                .map(EventValidator::toViolation)
                .distinct()
                .sorted(BY_PATH)
                .toList();
        return new ValidationResult(type, violations);
    }

    /** Serializes {@code event} with {@link EventJson} and validates the result: what a producer would publish. */
    public ValidationResult validate(ReceivablesEvent event) {
        return validate(event.eventType(), EventJson.toTree(event));
    }

    /** @throws InvalidEventException naming every violation, when the body breaks the schema of {@code type} */
    public void assertValid(String type, JsonNode event) {
        throwIfInvalid(validate(type, event));
    }

    /** @throws InvalidEventException naming every violation, when the body breaks the schema of {@code type} */
    public void assertValid(String type, String json) {
        throwIfInvalid(validate(type, json));
    }

    /** @throws InvalidEventException naming every violation, when the serialized event breaks its schema */
    public void assertValid(ReceivablesEvent event) {
        throwIfInvalid(validate(event));
    }

    /**
     * Validates the body of an event of {@code type} and, when valid, reads it as its Java type: the one call a consumer
     * needs before applying an event.
     *
     * @throws UnknownEventTypeException when {@code type} is not in the catalogue
     * @throws InvalidEventException when the body is not JSON or breaks the schema
     */
    public ReceivablesEvent readValid(String type, String json) {
        EventType eventType = EventType.fromType(type);
        ValidationResult result = validate(eventType, json);
        throwIfInvalid(result);
        return EventJson.read(eventType, json);
    }

    private static void throwIfInvalid(ValidationResult result) {
        if (!result.isValid()) {
            throw new InvalidEventException(result);
        }
    }

    private static Violation toViolation(ValidationMessage message) {
        String path = message.getInstanceLocation().toString();
        if (message.getProperty() != null && FIELD_KEYWORDS.contains(message.getType())) {
            // The instance location is the enclosing object; point at the missing or unexpected field instead.
            return new Violation(path + "/" + escapePointerToken(message.getProperty()), message.getType(),
                    message.getError());
        }
        return new Violation(path, message.getType(), offendingValue(message) + explanation(message));
    }

    /** The rejected value, so a log line or dead-letter header shows what was wrong without the event at hand. */
    private static String offendingValue(ValidationMessage message) {
        JsonNode value = message.getInstanceNode();
        if (value == null || value.isContainerNode()) {
            return "";
        }
        String text = value.toString();
        return (text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "...\"" : text) + ": ";
    }

    /** The validator's explanation, except that a long enumeration (the currency codes) is summarised, not listed. */
    private static String explanation(ValidationMessage message) {
        JsonNode allowed = message.getSchemaNode();
        if ("enum".equals(message.getType()) && allowed != null && allowed.isArray()
                && allowed.size() > MAX_LISTED_ENUM_VALUES) {
            return "is not one of the " + allowed.size() + " values the schema allows";
        }
        return message.getError();
    }

    /** RFC 6901: '~' and '/' inside a property name are written '~0' and '~1'. */
    private static String escapePointerToken(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static final class Holder {
        static final EventValidator SHARED = new EventValidator();
    }
}
