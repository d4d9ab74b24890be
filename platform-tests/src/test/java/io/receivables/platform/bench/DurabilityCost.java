package io.receivables.platform.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import io.receivables.local.LocalPlatform;
import io.receivables.platform.ApiClient;

/**
 * What durable commits cost, beside the relaxed setting, in the same run: PostgreSQL commits that wait for their WAL to
 * reach the disk ({@code synchronous_commit = on}, the platform's setting) against commits that do not ({@code SET
 * synchronous_commit = off} per session, which can lose the last commits acknowledged before a crash); Kafka writes
 * acknowledged after an fsync (the broker's {@code log.flush.interval.messages=1}) against writes acknowledged from the
 * page cache (a topic with {@code flush.messages} at its maximum). The two settings alternate over {@link #ROUNDS}
 * rounds, so that other load on the machine falls on both.
 */
final class DurabilityCost {

    static final int ROUNDS = Integer.getInteger("bench.durability.rounds", 3);
    private static final String FSYNCED_TOPIC = "bench.durability.fsynced";
    private static final String PAGE_CACHE_TOPIC = "bench.durability.page-cache";

    private DurabilityCost() {
    }

    static void run(LocalPlatform platform, ApiClient api) throws Exception {
        System.out.printf(Locale.ROOT, "%n[durability] cost of durable commits, %d rounds alternating the settings, "
                + "%d concurrent clients, load average %.2f%n", ROUNDS, PlatformBenchmark.CONCURRENCY,
                PlatformBenchmark.loadAverage());
        postgres(platform, api);
        kafka(platform);
    }

    private static void postgres(LocalPlatform platform, ApiClient api) throws Exception {
        java.util.List<String> customers = PlatformBenchmark.customers(platform, api, PlatformBenchmark.CONCURRENCY);
        String jdbc = platform.jdbcUrl("invoicing");
        int count = PlatformBenchmark.INVOICES;
        PlatformBenchmark.Task durable = PlatformBenchmark.rawInsert(jdbc, customers, true);
        PlatformBenchmark.Task relaxed = PlatformBenchmark.rawInsert(jdbc, customers, false);
        PlatformBenchmark.runConcurrently(Math.min(200, count / 5), durable); // warm-up
        PlatformBenchmark.runConcurrently(Math.min(200, count / 5), relaxed);
        Rates rates = alternate(count, durable, relaxed);
        System.out.printf(Locale.ROOT, "  PostgreSQL, %d raw JDBC invoice inserts (one transaction each) per round:%n",
                count);
        rates.print("synchronous_commit = on  (platform default)", "synchronous_commit = off (per session)",
                "inserts/s");
        System.out.printf(Locale.ROOT, "    server: %s%n", platform.postgres().durability());
    }

    private static void kafka(LocalPlatform platform) throws Exception {
        try (Admin admin = platform.kafka().admin()) {
            // the page-cache topic overrides the broker's flush policy for itself alone; the other inherits it
            admin.createTopics(List.of(
                    new NewTopic(FSYNCED_TOPIC, 4, (short) 1),
                    new NewTopic(PAGE_CACHE_TOPIC, 4, (short) 1)
                            .configs(Map.of(TopicConfig.FLUSH_MESSAGES_INTERVAL_CONFIG, String.valueOf(Long.MAX_VALUE)))))
                    .all().get(60, TimeUnit.SECONDS);
        }
        int count = PlatformBenchmark.INVOICES;
        String event = "{\"invoiceId\":\"" + "x".repeat(400) + "\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "0"), new StringSerializer(), new StringSerializer())) {
            // each client waits for its acknowledgement before the next send, as a caller that needs it would
            PlatformBenchmark.Task fsynced = i -> producer.send(new ProducerRecord<>(FSYNCED_TOPIC, "c-" + i, event)).get();
            PlatformBenchmark.Task pageCache = i -> producer
                    .send(new ProducerRecord<>(PAGE_CACHE_TOPIC, "c-" + i, event)).get();
            PlatformBenchmark.runConcurrently(Math.min(200, count / 5), fsynced); // warm-up
            PlatformBenchmark.runConcurrently(Math.min(200, count / 5), pageCache);
            Rates rates = alternate(count, fsynced, pageCache);
            System.out.printf(Locale.ROOT, "  Kafka, %d acknowledged sends (acks=all, idempotent) per round:%n", count);
            rates.print("fsync before ack (broker default)", "page cache only (topic flush.messages=max)",
                    "sends/s");
        }
    }

    /** Tasks per second of each setting over {@link #ROUNDS} rounds, durable first in odd rounds, relaxed first in even. */
    private static Rates alternate(int count, PlatformBenchmark.Task durable, PlatformBenchmark.Task relaxed)
            throws Exception {
        double durableSeconds = 0;
        double relaxedSeconds = 0;
        for (int round = 0; round < ROUNDS; round++) {
            boolean durableFirst = round % 2 == 0;
            double first = count / PlatformBenchmark.runConcurrently(count, durableFirst ? durable : relaxed);
            double second = count / PlatformBenchmark.runConcurrently(count, durableFirst ? relaxed : durable);
            durableSeconds += durableFirst ? first : second;
            relaxedSeconds += durableFirst ? second : first;
        }
        return new Rates(count * ROUNDS / durableSeconds, count * ROUNDS / relaxedSeconds);
    }

    private record Rates(double durable, double relaxed) {

        void print(String durableLabel, String relaxedLabel, String unit) {
            System.out.printf(Locale.ROOT, "    %-44s %9.1f %s%n", durableLabel, durable, unit);
            System.out.printf(Locale.ROOT, "    %-44s %9.1f %s%n", relaxedLabel, relaxed, unit);
            System.out.printf(Locale.ROOT, "    %-44s %9.2f%n", "ratio durable / relaxed:", durable / relaxed);
        }
    }
}
