package io.receivables.common.inbox;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.receivables.contracts.CloudEventHeaders;
import io.receivables.contracts.events.ReceivablesEvent;
import io.receivables.contracts.json.EventJson;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * A CloudEvent read from Kafka in binary mode: the {@code ce_*} headers and the JSON body. Construction checks the
 * envelope; {@link MalformedEventException} says which part is wrong so the dead-letter record carries the reason.
 */
public record InboundEvent(UUID id, String type, String source, String subject, Instant time, String key,
        String payload, String topic, int partition, long offset) {

    public static InboundEvent from(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new MalformedEventException("not a Kafka record"));
        return of(headersOf(kafka.getHeaders()), kafka.getKey() == null ? null : kafka.getKey().toString(),
                message.getPayload(), kafka.getTopic(), kafka.getPartition(), kafka.getOffset());
    }

    /**
     * The same checks as {@link #from(Message)} on a record kept outside Kafka (a dead letter being replayed, a parked
     * event being released).
     */
    public static InboundEvent of(Map<String, String> headers, String key, String payload, String topic, int partition,
            long offset) {
        if (payload == null || payload.isBlank()) {
            throw new MalformedEventException("empty body");
        }
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEventException("unsupported " + CloudEventHeaders.SPEC_VERSION + " " + specVersion);
        }
        return new InboundEvent(uuid(required(headers, CloudEventHeaders.ID)), required(headers, CloudEventHeaders.TYPE),
                required(headers, CloudEventHeaders.SOURCE), headers.get(CloudEventHeaders.SUBJECT),
                instant(headers.get(CloudEventHeaders.TIME)), key, payload, topic, partition, offset);
    }

    /** The last value of each header, as text: what a dead letter keeps so that it can be replayed. */
    public static Map<String, String> headersOf(Headers headers) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Header header : headers) {
            if (header.value() != null) {
                values.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** The CloudEvents headers of this event, as {@link #of} reads them. */
    public Map<String, String> headers() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        values.put(CloudEventHeaders.ID, id.toString());
        values.put(CloudEventHeaders.TYPE, type);
        values.put(CloudEventHeaders.SOURCE, source);
        if (subject != null) {
            values.put(CloudEventHeaders.SUBJECT, subject);
        }
        if (time != null) {
            values.put(CloudEventHeaders.TIME, time.toString());
        }
        return values;
    }

    /**
     * The body as its catalogue type. {@link InboxProcessor} has validated it against the schema before a handler sees
     * it; a body that still does not bind is malformed, not a reason to retry.
     */
    public <T extends ReceivablesEvent> T body(Class<T> eventType) {
        try {
            return EventJson.read(payload, eventType);
        } catch (UncheckedIOException e) {
            throw new MalformedEventException("body does not match " + type + ": " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing header " + name);
        }
        return value;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(CloudEventHeaders.ID + " is not a UUID: " + value);
        }
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(CloudEventHeaders.TIME + " is not an ISO-8601 instant: " + value);
        }
    }
}
