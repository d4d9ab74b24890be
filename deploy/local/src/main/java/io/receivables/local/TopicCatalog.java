package io.receivables.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's topics (DESIGN.md §2): one event topic per producing service and one dead-letter topic per
 * consumer, all with the SAME partition count so that a customer's events land on the same partition number
 * everywhere; plus the Debezium heartbeat topics of the outbox connectors (1 partition).
 */
public final class TopicCatalog {

    /** The services that publish events, in the order of DESIGN.md §1. */
    public static final List<String> PRODUCERS = List.of("invoicing", "payments", "disputes", "dunning");
    /** The services that consume events (each has a dead-letter topic). */
    public static final List<String> CONSUMERS = List.of("invoicing", "payments", "disputes", "dunning", "analytics");
    public static final int DEFAULT_PARTITIONS = 6;

    private TopicCatalog() {
    }

    /** {@code ar.<service>.events} */
    public static String eventTopic(String service) {
        return "ar." + service + ".events";
    }

    /** {@code ar.<consumer>.dlq} */
    public static String deadLetterTopic(String consumer) {
        return "ar." + consumer + ".dlq";
    }

    public static List<String> eventTopics() {
        return PRODUCERS.stream().map(TopicCatalog::eventTopic).toList();
    }

    public static List<String> deadLetterTopics() {
        return CONSUMERS.stream().map(TopicCatalog::deadLetterTopic).toList();
    }

    /** The co-partitioned topics: event topics then dead-letter topics, each with {@code partitions}. */
    public static Map<String, Integer> coPartitioned(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        Map<String, Integer> topics = new LinkedHashMap<>();
        eventTopics().forEach(t -> topics.put(t, partitions));
        deadLetterTopics().forEach(t -> topics.put(t, partitions));
        return topics;
    }

    /** Every topic the platform needs: the co-partitioned ones and the connectors' heartbeat topics. */
    public static Map<String, Integer> all(int partitions) {
        Map<String, Integer> topics = coPartitioned(partitions);
        OutboxConnectors.load().forEach(c -> topics.put(c.heartbeatTopic(), 1));
        return topics;
    }
}
