package io.receivables.analytics;

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

/** Writes records to Kafka exactly as Debezium's Outbox Event Router does: CloudEvents binary mode. */
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

    public static Map<String, String> headers(UUID id, String type, String subject) {
        return Map.of("ce_id", id.toString(), "ce_type", type, "ce_source", "/receivables/invoicing-service",
                "ce_specversion", "1.0", "ce_time", Instant.now().toString(), "ce_subject", subject,
                "content-type", "application/json");
    }

    @Override
    public void close() {
        producer.close();
    }
}
