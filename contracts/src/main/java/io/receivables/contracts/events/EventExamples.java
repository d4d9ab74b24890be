package io.receivables.contracts.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.receivables.contracts.json.EventJson;

/**
 * The {@code examples} of each event type's schema: valid, complete bodies that consumers' tests can feed to their
 * handlers, so that what they parse is exactly what the contract publishes.
 */
public final class EventExamples {

    private EventExamples() {
    }

    /** The examples of {@code type}'s schema as JSON trees (fresh copies: callers may modify them). */
    public static List<JsonNode> json(EventType type) {
        JsonNode examples = readSchema(type).get("examples");
        if (examples == null || !examples.isArray() || examples.isEmpty()) {
            throw new IllegalStateException(type.schemaResource() + " has no examples");
        }
        List<JsonNode> copies = new ArrayList<>();
        examples.forEach(example -> copies.add(example.deepCopy()));
        return List.copyOf(copies);
    }

    /** The examples of the event type whose Java type is {@code eventClass}, read as that type. */
    public static <T extends ReceivablesEvent> List<T> all(Class<T> eventClass) {
        return json(EventType.of(eventClass)).stream().map(example -> EventJson.read(example, eventClass)).toList();
    }

    /** The first (most complete) example of the event type whose Java type is {@code eventClass}. */
    public static <T extends ReceivablesEvent> T first(Class<T> eventClass) {
        return all(eventClass).get(0);
    }

    private static JsonNode readSchema(EventType type) {
        try (InputStream in = EventExamples.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException(type.schemaResource() + " is missing from the class path");
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.schemaResource(), e);
        }
    }
}
