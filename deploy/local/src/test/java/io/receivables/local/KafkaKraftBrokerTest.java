package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaKraftBrokerTest {

    @TempDir
    Path dir;

    @Test
    void createsEveryTopicWithTheSamePartitionCountIdempotentlyAndKeepsThemAcrossRestarts() throws Exception {
        Path logDir = dir.resolve("kafka");
        Map<String, Integer> topics = TopicCatalog.all(6);
        try (KafkaKraftBroker broker = KafkaKraftBroker.builder().logDir(logDir).port(0).start()) {
            assertThat(broker.createTopics(topics)).containsExactlyInAnyOrderElementsOf(topics.keySet());
            assertThat(broker.createTopics(topics)).isEmpty();

            Map<String, Integer> partitions = broker.partitionCounts();
            assertThat(partitions).containsKeys("ar.invoicing.events", "ar.payments.events", "ar.disputes.events",
                    "ar.dunning.events", "ar.invoicing.dlq", "ar.payments.dlq", "ar.disputes.dlq", "ar.dunning.dlq",
                    "ar.analytics.dlq");
            TopicCatalog.coPartitioned(6).keySet().forEach(topic -> assertThat(partitions.get(topic)).as(topic).isEqualTo(6));

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("ar.invoicing.events", "customer-1", "{\"kept\":true}")).get();
            }
            assertThatThrownBy(() -> broker.createTopics(Map.of("ar.invoicing.events", 3)))
                    .hasMessageContaining("ar.invoicing.events has 6 partitions, not 3");
        }

        try (KafkaKraftBroker broker = KafkaKraftBroker.builder().logDir(logDir).port(0).start();
                TestConsumer consumer = new TestConsumer(broker.bootstrapServers(), "kept", "ar.invoicing.events")) {
            assertThat(broker.createTopics(topics)).isEmpty();
            var records = consumer.pollUntil(r -> !r.isEmpty(), Duration.ofSeconds(30));
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("customer-1");
                assertThat(r.value()).isEqualTo("{\"kept\":true}");
            });
        }
    }

    @Test
    void aKeptLogFsyncsEveryAppendAndTakesIdempotentAcksAllWritesWithOneReplica() throws Exception {
        try (KafkaKraftBroker broker = KafkaKraftBroker.builder().logDir(dir.resolve("kept")).port(0).start();
                Admin admin = broker.admin()) {
            broker.createTopics(Map.of("ar.invoicing.events", 1));
            // read back from the running broker: what it enforces, not what the builder was given
            Config config = brokerConfig(admin);
            assertThat(config.get("log.flush.interval.messages").value()).isEqualTo("1");
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
            assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");

            RecordMetadata written;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"), new StringSerializer(), new StringSerializer())) {
                written = producer.send(new ProducerRecord<>("ar.invoicing.events", "customer-1", "{}")).get();
            }
            TopicPartition partition = new TopicPartition(written.topic(), written.partition());
            assertThat(admin.describeProducers(List.of(partition)).partitionResult(partition).get(30,
                    TimeUnit.SECONDS).activeProducers())
                    .as("the broker tracks the idempotent producer's sequence numbers").isNotEmpty();
        }
    }

    @Test
    void aThrowAwayLogMayLeaveAppendsToThePageCache() throws Exception {
        try (KafkaKraftBroker broker = KafkaKraftBroker.builder().logDir(dir.resolve("throw-away")).port(0)
                .durable(false).start(); Admin admin = broker.admin()) {
            assertThat(brokerConfig(admin).get("log.flush.interval.messages").value())
                    .isEqualTo(String.valueOf(Long.MAX_VALUE));
        }
    }

    private static Config brokerConfig(Admin admin) throws Exception {
        ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
        return admin.describeConfigs(List.of(node)).all().get(30, TimeUnit.SECONDS)
                .get(node);
    }
}
