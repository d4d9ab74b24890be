package io.receivables.common.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import io.receivables.contracts.CloudEventHeaders;
import io.receivables.contracts.events.EventType;

/**
 * Writes records to Kafka exactly as Debezium's Outbox Event Router does: CloudEvents binary mode. Shared by the
 * consumers' tests of every service.
 */
public final class CloudEventProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public CloudEventProducer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    public void send(String topic, String key, Map<String, String> headers, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        headers.forEach((name, value) -> record.headers()
                .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The headers of an event of {@code type}, with the {@code ce_source} of the service that publishes that type (the
     * invoicing service's for a type outside the catalogue, which a test sends to prove it is ignored).
     */
    public static Map<String, String> headers(UUID id, String type, String subject) {
        String source = EventType.find(type).map(EventType::source).orElse(CloudEventHeaders.INVOICING_SOURCE);
        return Map.of("ce_id", id.toString(), "ce_type", type, "ce_source", source,
                "ce_specversion", "1.0", "ce_time", Instant.now().toString(), "ce_subject", subject,
                "content-type", "application/json");
    }

    @Override
    public void close() {
        producer.close();
    }
}
