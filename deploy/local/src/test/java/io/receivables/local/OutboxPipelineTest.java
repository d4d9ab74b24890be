package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The transactional outbox path on the real infrastructure: a row committed in the invoicing database reaches
 * {@code ar.invoicing.events} through Debezium and the Outbox Event Router, as a CloudEvent in Kafka binary mode.
 * The tests build on each other (one platform, restarted once), in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class OutboxPipelineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TOPIC = "ar.invoicing.events";
    private static final String GROUP = "outbox-pipeline-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private Ports ports;
    private LocalPlatform platform;
    private final Outbox.Row beforeConnector = Outbox.Row.invoiceIssued("customer-17", "INV-2024-0001");
    private final Outbox.Row whileRunning = Outbox.Row.invoiceIssued("customer-42", "INV-2024-0002");
    private final Outbox.Row afterRestart = Outbox.Row.invoiceIssued("customer-17", "INV-2024-0003");

    @BeforeAll
    void startInfrastructureWithoutServices() {
        // fixed (free) ports: a restart sees the same addresses, as with the launcher's defaults
        ports = new Ports(FreePorts.find(), FreePorts.find(), FreePorts.find(), Ports.random().services());
        platform = start();
        assertThat(platform.registeredConnectors()).as("no outbox table yet, so no connector").isEmpty();
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void createsEveryTopicWithTheSamePartitionCount() {
        Map<String, Integer> partitions = platform.kafka().partitionCounts();
        TopicCatalog.coPartitioned(4).keySet().forEach(topic -> assertThat(partitions).containsEntry(topic, 4));
    }

    @Test
    @Order(2)
    void publishesARowCommittedBeforeTheConnectorStarted() throws Exception {
        try (Connection connection = platform.postgres().connect("invoicing")) {
            Outbox.create(connection);
            Outbox.insert(connection, beforeConnector);
        }

        assertThat(platform.registerConnectors()).containsExactly("ar-invoicing-outbox");
        assertThat(platform.pendingConnectors()).containsExactlyInAnyOrder("ar-payments-outbox", "ar-disputes-outbox",
                "ar-dunning-outbox");

        try (TestConsumer consumer = new TestConsumer(platform.kafkaBootstrapServers(), GROUP, TOPIC)) {
            List<ConsumerRecord<String, String>> records = consumer
                    .pollUntil(r -> TestConsumer.hasEventId(r, beforeConnector.id()), TIMEOUT);
            assertIsCloudEventOf(single(records, beforeConnector), beforeConnector);
        }
    }

    @Test
    @Order(3)
    void publishesARowAsACloudEventKeyedByCustomer() throws Exception {
        try (Connection connection = platform.postgres().connect("invoicing")) {
            Outbox.insert(connection, whileRunning);
        }

        try (TestConsumer consumer = new TestConsumer(platform.kafkaBootstrapServers(), GROUP, TOPIC)) {
            List<ConsumerRecord<String, String>> records = consumer
                    .pollUntil(r -> TestConsumer.hasEventId(r, whileRunning.id()), TIMEOUT);
            assertThat(records).as("the group already consumed the first row").noneMatch(
                    r -> beforeConnector.id().toString().equals(TestConsumer.header(r, "ce_id")));
            assertIsCloudEventOf(single(records, whileRunning), whileRunning);
        }
    }

    @Test
    @Order(4)
    void restartKeepsTheRowsAndDoesNotPublishThemAgain() throws Exception {
        platform.close();
        platform = start();
        assertThat(platform.registeredConnectors()).containsExactly("ar-invoicing-outbox");

        try (Connection connection = platform.postgres().connect("invoicing");
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            Outbox.insert(connection, afterRestart);
        }

        try (TestConsumer consumer = new TestConsumer(platform.kafkaBootstrapServers(), GROUP, TOPIC)) {
            List<ConsumerRecord<String, String>> records = consumer
                    .pollUntil(r -> TestConsumer.hasEventId(r, afterRestart.id()), TIMEOUT);
            assertThat(records).as("the group resumes after what it consumed").singleElement()
                    .satisfies(r -> assertIsCloudEventOf(r, afterRestart));
        }
        try (TestConsumer everything = new TestConsumer(platform.kafkaBootstrapServers(), "from-the-start", TOPIC)) {
            List<ConsumerRecord<String, String>> records = everything.pollUntil(r -> r.size() >= 3, TIMEOUT);
            records = everything.pollFor(Duration.ofSeconds(2));
            assertThat(records).as("every row once: none lost, none published again")
                    .extracting(r -> TestConsumer.header(r, "ce_id"))
                    .containsExactlyInAnyOrder(beforeConnector.id().toString(), whileRunning.id().toString(),
                            afterRestart.id().toString());
        }
    }

    @Test
    @Order(5)
    void commitsAndEventsAreDurableAsTheRunningPartsReport() throws Exception {
        assertThat(platform.postgres().durability().survivesOsCrash())
                .as("kept data directory: %s", platform.postgres().durability()).isTrue();

        try (Admin admin = platform.kafka().admin()) {
            ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config broker = admin.describeConfigs(List.of(node)).all().get(30, TimeUnit.SECONDS).get(node);
            assertThat(broker.get("log.flush.interval.messages").value()).isEqualTo("1");
            assertThat(broker.get("min.insync.replicas").value()).isEqualTo("1");

            // the broker keeps sequence numbers only for idempotent producers, and a producer refuses idempotence
            // without acks=all: an active producer on the topic proves both for Debezium's producer as it runs
            List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(TOPIC).partitions().stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            var producers = admin.describeProducers(partitions).all().get(30, TimeUnit.SECONDS);
            assertThat(producers.values()).as("idempotent producers on %s", TOPIC)
                    .anySatisfy(state -> assertThat(state.activeProducers()).isNotEmpty());
        }

        HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(platform.connectUrl().resolve("/connectors/ar-invoicing-outbox/config")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(config.statusCode()).isEqualTo(200);
        var connector = JSON.readTree(config.body());
        assertThat(connector.path("producer.override.acks").asText()).isEqualTo("all");
        assertThat(connector.path("producer.override.enable.idempotence").asText()).isEqualTo("true");
    }

    private LocalPlatform start() {
        return LocalPlatform.builder()
                .dataDir(dataDir)
                .ports(ports)
                .partitions(4)
                .services(List.of())
                // the infrastructure alone: no mail server or SMS receiver (LocalPlatformTest has them)
                .messaging(false)
                .shutdownHook(false)
                .start();
    }

    private static ConsumerRecord<String, String> single(List<ConsumerRecord<String, String>> records, Outbox.Row row) {
        List<ConsumerRecord<String, String>> matching = records.stream()
                .filter(r -> row.id().toString().equals(TestConsumer.header(r, "ce_id")))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static void assertIsCloudEventOf(ConsumerRecord<String, String> record, Outbox.Row row) {
        try {
            assertThat(record.key()).isEqualTo(row.customerId());
            assertThat(JSON.readTree(record.value())).isEqualTo(JSON.readTree(row.payload()));
            assertThat(TestConsumer.header(record, "ce_id")).isEqualTo(row.id().toString());
            assertThat(TestConsumer.header(record, "ce_source")).isEqualTo(row.source());
            assertThat(TestConsumer.header(record, "ce_type")).isEqualTo(row.type());
            assertThat(TestConsumer.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TestConsumer.header(record, "ce_time")).isEqualTo(row.ceTime());
            assertThat(TestConsumer.header(record, "ce_subject")).isEqualTo(row.aggregateId());
            assertThat(TestConsumer.header(record, "ce_dataschema")).isEqualTo(row.dataSchema());
            assertThat(TestConsumer.header(record, "content-type")).isEqualTo("application/json");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
