package io.receivables.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect worker in distributed mode, in this JVM, with every connector of the class path (Debezium's
 * PostgreSQL connector and its transformations among them). Its state (connector configurations, source offsets,
 * statuses) lives in Kafka topics, so it survives a restart with the broker's log directory.
 */
public final class KafkaConnectWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaConnectWorker.class);
    private static final String HOST = "127.0.0.1";

    private final Connect<?> connect;
    private final int port;

    private KafkaConnectWorker(Connect<?> connect, int port) {
        this.connect = connect;
        this.port = port;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The REST API, {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
        LOG.info("Kafka Connect worker on port {} stopped", port);
    }

    public static final class Builder {
        private String bootstrapServers;
        private int port = 18083;
        private String groupId = "ar-local-connect";
        private Duration startupTimeout = Duration.ofSeconds(90);
        private final Map<String, String> overrides = new HashMap<>();

        private Builder() {
        }

        /** The Kafka cluster. Required. */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        /** The REST port; 0 picks a free one. Default 18083. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The Connect cluster's group id; its internal topics are named after it. */
        public Builder groupId(String groupId) {
            this.groupId = groupId;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** Any other worker setting. */
        public Builder config(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public KafkaConnectWorker start() {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            long started = System.nanoTime();
            int restPort = FreePorts.orFree(port);
            Map<String, String> props = new HashMap<>();
            props.put("bootstrap.servers", bootstrapServers);
            props.put("group.id", groupId);
            props.put("config.storage.topic", groupId + ".configs");
            props.put("offset.storage.topic", groupId + ".offsets");
            props.put("status.storage.topic", groupId + ".status");
            props.put("config.storage.replication.factor", "1");
            props.put("offset.storage.replication.factor", "1");
            props.put("status.storage.replication.factor", "1");
            props.put("offset.storage.partitions", "5");
            props.put("status.storage.partitions", "1");
            props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
            props.put("header.converter", "org.apache.kafka.connect.storage.SimpleHeaderConverter");
            props.put("offset.flush.interval.ms", "1000");
            props.put("listeners", "http://" + HOST + ":" + restPort);
            props.put("rest.advertised.host.name", HOST);
            props.put("rest.advertised.port", String.valueOf(restPort));
            // plugins come from the class path's ServiceLoader manifests: no slow reflective scan of every jar
            props.put("plugin.discovery", "service_load");
            // one worker: after a restart, reassign its connectors at once instead of waiting for it to come back
            props.put("scheduled.rebalance.max.delay.ms", "0");
            // source tasks' producers (Debezium's): an event counts as sent once every in-sync replica has it, and a
            // retry after a lost acknowledgement is deduplicated by the broker instead of written twice; connectors
            // may override these (producer.override.*) but ours repeat them (deploy/connect)
            props.put("producer.acks", "all");
            props.put("producer.enable.idempotence", "true");
            // after a broker crash a source task can be stuck in a producer send longer than the default 5 s of graceful
            // shutdown: Connect then abandons it, Debezium's stop fails before it unregisters its JMX metrics MBean, and
            // the task Connect starts in its place retries registering that MBean (12 x 5 s, twice) before it gives up
            // and is restarted: over two minutes without events. Given time, the old task stops cleanly and the new one
            // resumes within seconds of the broker's return (OwnProcessesTest)
            props.put("task.shutdown.graceful.timeout.ms", "60000");
            props.putAll(overrides);

            ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
            // AbstractConnectCli#startConnect exits the JVM when the worker fails to start: make that an exception
            Exit.setExitProcedure((status, message) -> {
                throw new IllegalStateException("Kafka Connect failed to start (exit " + status + "): " + message);
            });
            // nor register its own JVM shutdown hook: whoever started the worker stops it, in the right order
            Exit.setShutdownHookAdder((name, hook) -> {
            });
            Connect<?> connect;
            try {
                connect = new ConnectDistributed().startConnect(props);
            } finally {
                Exit.resetExitProcedure();
                Exit.resetShutdownHookAdder();
                // Connect swaps the thread's context class loader for its plugin loader
                Thread.currentThread().setContextClassLoader(contextLoader);
            }
            KafkaConnectWorker worker = new KafkaConnectWorker(connect, restPort);
            try {
                worker.awaitHealthy(startupTimeout);
            } catch (RuntimeException e) {
                worker.close();
                throw e;
            }
            LOG.info("Kafka Connect worker on {}, started in {} ms", worker.url(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return worker;
        }
    }

    /** Waits until the worker's {@code GET /health} answers 200: it has joined its group and read its config topic. */
    void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(url().resolve("/health")).timeout(Duration.ofSeconds(10)).GET().build();
        Polling.await("Kafka Connect worker " + url() + " to be healthy", timeout, () -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }
}
