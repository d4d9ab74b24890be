package io.receivables.common.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a service's dead-letter topic ({@code ar.<service>.dlq}) from the start, as ops or a test would. */
public final class DeadLetterTopicReader {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private DeadLetterTopicReader() {
    }

    /**
     * The {@code dead-letter-reason} of every record on {@code topic} for one of {@code eventIds} (by its
     * {@code ce_id} header), a list per event with one entry per copy on the topic. Waits up to 30 s until each event
     * is there, then reads on to the end of the topic, so that a second copy would be counted too.
     */
    public static Map<UUID, List<String>> reasons(String bootstrap, String topic, Collection<UUID> eventIds) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<UUID, List<String>> reasons = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(WITHIN);
            Map<TopicPartition, Long> end = null;
            while (end == null || !reached(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("within " + WITHIN + ", " + topic + " holds dead letters for only "
                            + reasons.keySet() + " of " + eventIds);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String eventId = header(record, "ce_id");
                    if (eventId != null && eventIds.contains(UUID.fromString(eventId))) {
                        reasons.computeIfAbsent(UUID.fromString(eventId), id -> new ArrayList<>())
                                .add(String.valueOf(header(record, "dead-letter-reason")));
                    }
                }
                if (end == null && reasons.keySet().containsAll(eventIds)) {
                    end = consumer.endOffsets(consumer.assignment());
                }
            }
        }
        return reasons;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
