package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.receivables.local.SupervisedProcess.State;

/**
 * The launcher's layout: the Kafka broker and Kafka Connect each in a JVM of their own, supervised. A SIGKILL of
 * Connect brings it back and the outbox pipeline (PostgreSQL, Debezium in Connect, Kafka) carries the next row; a
 * SIGKILL of the broker brings it back on the same address with its topics' records, and Debezium publishes every
 * outbox row exactly once within seconds of the broker's return.
 */
class OwnProcessesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** Rows written while the broker is killed; enough that Debezium is still sending them when it dies. */
    private static final int ROWS = 2_000;
    /** Measured 1.8 to 4.2 s; without a long enough graceful task shutdown in Connect, over 120 s. */
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(30);

    @Test
    void theBrokerAndConnectRunInProcessesOfTheirOwnAndEachComesBackAloneAfterAKill() throws Exception {
        try (LocalPlatform platform = start(data())) {
            SupervisedProcess kafka = platform.supervisor().get("kafka").orElseThrow();
            SupervisedProcess connect = platform.supervisor().get("connect").orElseThrow();
            long self = ProcessHandle.current().pid();
            assertThat(List.of(kafka.snapshot().pid(), connect.snapshot().pid())).doesNotContain(self, 0L);
            String bootstrap = platform.kafkaBootstrapServers();

            try (Connection connection = platform.postgres().connect("invoicing")) {
                Outbox.create(connection);
            }
            assertThat(platform.registerConnectors()).containsExactly("ar-invoicing-outbox");
            Outbox.Row first;
            try (TestConsumer consumer = new TestConsumer(bootstrap, "own-processes-test", "ar.invoicing.events")) {
                first = publishAndConsume(platform, consumer, "INV-1");

                long connectPid = connect.snapshot().pid();
                ProcessHandle.of(connectPid).orElseThrow().destroyForcibly();
                Polling.await("Connect to be restarted", TIMEOUT,
                        () -> connect.state() == State.UP && connect.snapshot().restarts() == 1);
                assertThat(connect.snapshot().pid()).isNotEqualTo(connectPid);
                assertThat(connect.snapshot().lastExitCode()).isEqualTo(137);
                assertThat(kafka.snapshot().restarts()).isZero();
                // the new worker resumes the connector from its offsets in Kafka
                publishAndConsume(platform, consumer, "INV-2");
            }

            long brokerPid = kafka.snapshot().pid();
            ProcessHandle.of(brokerPid).orElseThrow().destroyForcibly();
            Polling.await("the broker to be restarted", TIMEOUT,
                    () -> kafka.state() == State.UP && kafka.snapshot().restarts() == 1);
            assertThat(kafka.snapshot().pid()).isNotEqualTo(brokerPid);
            assertThat(platform.kafkaBootstrapServers()).isEqualTo(bootstrap);
            // same address, same log directory: what was on the topic before the kill is still there
            try (TestConsumer consumer = new TestConsumer(bootstrap, "after-broker-restart", "ar.invoicing.events")) {
                consumer.pollUntil(records -> TestConsumer.hasEventId(records, first.id()), TIMEOUT);
            }

            assertThat(PlatformStatus.read(PlatformStatus.file(data())).parts())
                    .extracting(PlatformStatus.Part::name).containsExactly("postgres", "kafka", "connect");
            List<Long> pids = List.of(kafka.snapshot().pid(), connect.snapshot().pid());
            platform.close();
            assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void debeziumPublishesEveryRowExactlyOnceWithinSecondsOfTheBrokersReturnAfterAKillMidStream() throws Exception {
        Path data = Path.of("target", "own-processes-broker-kill-test").toAbsolutePath();
        try (LocalPlatform platform = start(data)) {
            SupervisedProcess kafka = platform.supervisor().get("kafka").orElseThrow();
            try (Connection connection = platform.postgres().connect("invoicing")) {
                Outbox.create(connection);
            }
            platform.registerConnectors();
            List<Outbox.Row> rows = new ArrayList<>();
            for (int i = 1; i <= ROWS; i++) {
                rows.add(Outbox.Row.invoiceIssued("customer-" + (i % 7), "INV-" + i));
            }
            Set<String> ids = rows.stream().map(r -> r.id().toString()).collect(Collectors.toSet());
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try (TestConsumer consumer = new TestConsumer(platform.kafkaBootstrapServers(), "broker-kill-test",
                    "ar.invoicing.events")) {
                // one transaction per row, as the services commit them, while Debezium streams them to Kafka
                Future<?> writing = writer.submit(() -> {
                    try (Connection connection = platform.postgres().connect("invoicing")) {
                        for (Outbox.Row row : rows) {
                            Outbox.insert(connection, row);
                        }
                    }
                    return null;
                });
                int seenAtKill = consumer.pollUntil(records -> records.size() >= ROWS / 4, TIMEOUT).size();
                boolean stillWriting = !writing.isDone();

                long brokerPid = kafka.snapshot().pid();
                ProcessHandle.of(brokerPid).orElseThrow().destroyForcibly();
                Polling.await("the broker to be restarted", TIMEOUT,
                        () -> kafka.state() == State.UP && kafka.snapshot().restarts() == 1);
                long back = System.nanoTime();
                writing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

                consumer.pollUntil(records -> eventIds(records).containsAll(ids), TIMEOUT);
                Duration allThere = Duration.ofNanos(System.nanoTime() - back);
                // anything sent twice (a retry, a task resuming from an older offset) would arrive in the meantime
                List<String> received = eventIds(consumer.pollFor(Duration.ofSeconds(3)));
                System.out.printf("broker killed after %d of %d rows were on Kafka (writer still writing: %s); all %d"
                        + " there %d ms after the broker was back%n", seenAtKill, ROWS, stillWriting, ROWS,
                        allThere.toMillis());

                assertThat(stillWriting).as("the kill came while rows were still being written and sent").isTrue();
                assertThat(received).hasSize(ROWS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
                assertThat(allThere).isLessThan(RESUMED_WITHIN);
            } finally {
                writer.shutdownNow();
            }
        }
    }

    private static List<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TestConsumer.header(r, "ce_id")).toList();
    }

    private static LocalPlatform start(Path data) {
        return LocalPlatform.builder()
                .fresh(true)
                .dataDir(data)
                .randomPorts()
                .services(List.of())
                .databases(List.of("invoicing"))
                // the infrastructure alone: no mail server or SMS receiver (LocalPlatformTest has them)
                .messaging(false)
                .partitions(1)
                .ownProcesses(true)
                .infraJvmOptions(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                .statusFile(PlatformStatus.file(data))
                .shutdownHook(false)
                .start();
    }

    /** In target/ rather than a temporary directory: the parts' logs are worth reading when this test fails. */
    private Path data() {
        return Path.of("target", "own-processes-test").toAbsolutePath();
    }

    private static Outbox.Row publishAndConsume(LocalPlatform platform, TestConsumer consumer, String invoiceNumber)
            throws Exception {
        Outbox.Row row = Outbox.Row.invoiceIssued("customer-1", invoiceNumber);
        try (Connection connection = platform.postgres().connect("invoicing")) {
            Outbox.insert(connection, row);
        }
        consumer.pollUntil(records -> TestConsumer.hasEventId(records, row.id()), TIMEOUT);
        return row;
    }
}
