package io.receivables.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A plain Kafka consumer for tests: reads a topic until a condition holds or a deadline passes. */
final class TestConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    TestConsumer(String bootstrapServers, String groupId, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code done} holds for everything received so far; commits what it read. */
    List<ConsumerRecord<String, String>> pollUntil(Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s; received " + describe(received));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        consumer.commitSync();
        return List.copyOf(received);
    }

    /** Polls for {@code quietPeriod} and returns everything received. */
    List<ConsumerRecord<String, String>> pollFor(Duration quietPeriod) {
        long deadline = System.nanoTime() + quietPeriod.toNanos();
        while (System.nanoTime() - deadline < 0) {
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        consumer.commitSync();
        return List.copyOf(received);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static boolean hasEventId(List<ConsumerRecord<String, String>> records, Object id) {
        return records.stream().anyMatch(r -> id.toString().equals(header(r, "ce_id")));
    }

    private static String describe(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> r.key() + " ce_id=" + header(r, "ce_id")).toList().toString();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
