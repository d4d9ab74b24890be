package io.receivables.contracts.json;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.ReceivablesEvent;

/**
 * The JSON settings of the event catalogue and a shared {@link ObjectMapper} that has them.
 * <p>
 * Read and write event bodies with {@link #mapper()} (or the static helpers). {@link #configure} gives the same settings
 * to a mapper dedicated to events, e.g. one inside a Kafka serde; applying it to an application-wide mapper would make
 * that application's REST bodies just as strict. Do not reconfigure {@link #mapper()} itself: every caller shares it.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private EventJson() {
    }

    /** The shared, configured mapper. Thread-safe for reading and writing; never change its configuration. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Applies the catalogue's settings to {@code mapper} and returns it: ISO-8601 dates and instants as strings, decimals
     * in plain notation, optional fields left out rather than written as null, and strict reading (unknown fields,
     * duplicate keys, trailing content and numbers where the schema wants another type are errors).
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // Trees keep decimals as written (120.0 stays 120.0, not 1.2E+2), so error messages quote what was sent.
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        // A line number of 1.5 or "1" is a producer bug, not something to round or coerce.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    /** Serializes an event (or any value) to a JSON string. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** Serializes an event (or any value) to a JSON tree, e.g. to validate it. */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Parses JSON text into a tree with the strict reading settings. */
    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads JSON text as {@code type}. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a JSON tree as {@code type}. */
    public static <T> T read(JsonNode json, Class<T> type) {
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads the body of an event of {@code type} (the value of a Kafka record whose ce_type is {@code type}). */
    public static ReceivablesEvent read(EventType type, String json) {
        return read(json, type.eventClass());
    }
}
