package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.receivables.local.SupervisedProcess.State;

/**
 * The launcher's layout: the Kafka broker and Kafka Connect each in a JVM of their own, supervised. A SIGKILL of
 * Connect brings it back and the outbox pipeline (PostgreSQL, Debezium in Connect, Kafka) carries the next row; a
 * SIGKILL of the broker brings it back on the same address with its topics' records. (How soon Debezium publishes
 * again after a broker kill is not proven here: the worker's task restart waited minutes in a first try.)
 */
class OwnProcessesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void theBrokerAndConnectRunInProcessesOfTheirOwnAndEachComesBackAloneAfterAKill() throws Exception {
        try (LocalPlatform platform = LocalPlatform.builder()
                .fresh(true)
                .dataDir(data())
                .randomPorts()
                .services(List.of())
                .databases(List.of("invoicing"))
                .partitions(1)
                .ownProcesses(true)
                .infraJvmOptions(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                .statusFile(PlatformStatus.file(data()))
                .shutdownHook(false)
                .start()) {
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
