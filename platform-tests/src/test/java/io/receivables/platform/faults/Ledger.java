package io.receivables.platform.faults;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.receivables.local.EmbeddedPostgresServer;
import io.receivables.local.LocalPlatform;
import io.receivables.local.TopicCatalog;

/** What the platform holds after a fault: invoicing's database, its topic, the dead-letter topics. */
final class Ledger {

    /** Invoicing's open receivables in one currency: what analytics' summary must show. */
    record Totals(int openCount, BigDecimal openAmount) {
        /** Equal amounts are equal whatever their scale (the database's 4 decimals, the API's 2). */
        Totals {
            openAmount = openAmount.stripTrailingZeros();
        }
    }

    private final LocalPlatform platform;

    Ledger(LocalPlatform platform) {
        this.platform = platform;
    }

    private Connection invoicingDb() throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl("invoicing"), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    Set<String> ids(String table, String currency) throws SQLException {
        try (Connection db = invoicingDb();
                PreparedStatement query = db.prepareStatement("SELECT id FROM " + table + " WHERE currency = ?")) {
            query.setString(1, currency);
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    Totals open(String currency) throws SQLException {
        try (Connection db = invoicingDb();
                PreparedStatement query = db.prepareStatement(
                        "SELECT count(*), coalesce(sum(amount_due), 0) FROM invoice WHERE currency = ? AND amount_due > 0")) {
            query.setString(1, currency);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new Totals(rows.getInt(1), rows.getBigDecimal(2));
            }
        }
    }

    /**
     * The numbers of each series and year that do not run 1, 2, … up to the series' counter: empty when numbering is
     * gap-free and without duplicates.
     */
    List<String> numberingFaults() throws SQLException {
        Map<String, List<Long>> taken = new TreeMap<>();
        try (Connection db = invoicingDb()) {
            for (String table : List.of("invoice", "credit_note")) {
                try (ResultSet rows = db.createStatement().executeQuery("SELECT number FROM " + table)) {
                    while (rows.next()) {
                        String number = rows.getString(1);
                        int last = number.lastIndexOf('-');
                        taken.computeIfAbsent(number.substring(0, last), k -> new ArrayList<>())
                                .add(Long.parseLong(number.substring(last + 1)));
                    }
                }
            }
            Map<String, Long> counters = new HashMap<>();
            try (ResultSet rows = db.createStatement()
                    .executeQuery("SELECT series || '-' || year, last_value FROM invoice_number_series")) {
                while (rows.next()) {
                    counters.put(rows.getString(1), rows.getLong(2));
                }
            }
            List<String> faults = new ArrayList<>();
            taken.forEach((series, values) -> {
                List<Long> sorted = values.stream().sorted().toList();
                for (int i = 0; i < sorted.size(); i++) {
                    if (sorted.get(i) != i + 1) {
                        faults.add(series + ": number " + (i + 1) + " is " + sorted.get(i));
                        return;
                    }
                }
                if (!Long.valueOf(sorted.size()).equals(counters.get(series))) {
                    faults.add(series + ": " + sorted.size() + " numbers, counter at " + counters.get(series));
                }
            });
            return faults;
        }
    }

    /** Every record of invoicing's event topic, from the beginning to its end now. */
    List<ConsumerRecord<String, String>> invoicingEvents() {
        return readAll(TopicCatalog.eventTopic("invoicing"));
    }

    /** The dead-letter topics that hold anything, with how many records. */
    Map<String, Long> nonEmptyDeadLetterTopics() {
        Map<String, Long> nonEmpty = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            for (String topic : TopicCatalog.deadLetterTopics()) {
                long records = consumer.endOffsets(partitions(consumer, topic)).values().stream()
                        .mapToLong(Long::longValue).sum();
                if (records > 0) {
                    nonEmpty.put(topic, records);
                }
            }
        }
        return nonEmpty;
    }

    private List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", platform.kafkaBootstrapServers(),
                "max.poll.records", "2000"), new StringDeserializer(), new StringDeserializer());
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
