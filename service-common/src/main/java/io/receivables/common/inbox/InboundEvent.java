package io.receivables.common.inbox;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
        Headers headers = kafka.getHeaders();
        String payload = message.getPayload();
        if (payload == null || payload.isBlank()) {
            throw new MalformedEventException("empty body");
        }
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEventException("unsupported " + CloudEventHeaders.SPEC_VERSION + " " + specVersion);
        }
        return new InboundEvent(uuid(required(headers, CloudEventHeaders.ID)), required(headers, CloudEventHeaders.TYPE),
                required(headers, CloudEventHeaders.SOURCE), optional(headers, CloudEventHeaders.SUBJECT),
                instant(optional(headers, CloudEventHeaders.TIME)), kafka.getKey() == null ? null : kafka.getKey().toString(),
                payload, kafka.getTopic(), kafka.getPartition(), kafka.getOffset());
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

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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
