package io.receivables.analytics;

import static io.receivables.analytics.OpenArSummaryTest.awaitSummary;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.local.testing.InfraControl;
import io.receivables.local.testing.LocalInfraTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * PostgreSQL goes away while events flow, for longer than any fixed retry budget, and comes back: every event is
 * applied exactly once, in order, and nothing is dead-lettered. A transient failure holds the channel and is retried
 * without limit.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class DatabaseOutageTest {

    private static final Pattern RETRIES = Pattern.compile("(?m)^receivables_events_retries_total(?:\\{[^}]*\\})? ([0-9.E]+)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = LocalInfraTestResource.CONTROL_FILE)
    String controlFile;

    @Inject
    Pool pool;

    CloudEventProducer producer;
    AnalyticsEvents events;
    InfraControl infra;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new AnalyticsEvents(producer);
        infra = InfraControl.at(controlFile);
    }

    @AfterEach
    void disconnect() {
        // whatever happened, the next test finds its database
        infra.startPostgres();
        producer.close();
    }

    @Test
    void aDatabaseOutageDuringConsumptionLosesAndDeadLettersNothing() {
        List<UUID> customers = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            customers.add(UUID.randomUUID());
        }
        for (int i = 0; i < 6; i++) {
            eventIds.add(events.invoiceIssued(customers.get(i), UUID.randomUUID(), "ZAR", "10.00"));
        }
        awaitSummary("ZAR", 6, "60.00");

        double retriesBefore = retries();
        infra.stopPostgres();
        List<UUID> invoicesDuringOutage = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID invoice = UUID.randomUUID();
            invoicesDuringOutage.add(invoice);
            eventIds.add(events.invoiceIssued(customers.get(i % 6), invoice, "ZAR", "10.00"));
        }
        // a credit note behind its invoice in the same partition: it must not overtake it nor find it missing
        eventIds.add(events.creditNote(UUID.randomUUID(), customers.get(0), invoicesDuringOutage.get(0), "ZAR", "4.00"));

        // held for longer than the old fixed budget (8 retries, about 21 s), and the first event waits for its
        // acknowledgement longer than the throttled commit strategy's default limit of 60 s (9 failed attempts take
        // about 51 s, the next attempt comes 30 s later): neither gives up on it nor marks the channel dead
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> retries() - retriesBefore >= 9);
        infra.startPostgres();

        // the next attempt is at most 30 s away
        awaitSummary("ZAR", 18, "176.00", Duration.ofSeconds(90));
        given().get("/q/health/live").then().statusCode(200);
        long applied = pool.preparedQuery("SELECT count(*) FROM inbox WHERE event_id = ANY($1)")
                .execute(Tuple.of(eventIds.toArray(UUID[]::new))).await().indefinitely().iterator().next().getLong(0);
        assertThat(applied).isEqualTo(eventIds.size());
        long deadLettered = pool.preparedQuery("SELECT count(*) FROM dead_letter WHERE event_id = ANY($1)")
                .execute(Tuple.of(eventIds.toArray(UUID[]::new))).await().indefinitely().iterator().next().getLong(0);
        assertThat(deadLettered).isZero();
        Set<String> keys = new HashSet<>();
        customers.forEach(c -> keys.add(c.toString()));
        assertThat(deadLetterTopicKeys()).doesNotContainAnyElementsOf(keys);
    }

    private static double retries() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = RETRIES.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** Every key on the dead-letter topic, read to its end. */
    private Set<String> deadLetterTopicKeys() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(OpenArSummaryTest.DLQ).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return keys;
    }
}
