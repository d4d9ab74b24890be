package io.receivables.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * An Apache Kafka broker in KRaft mode, in this JVM: one node that is both broker and controller, replication
 * factor 1, no automatic topic creation. Its log directory is kept between runs; it is formatted (cluster id,
 * {@code meta.properties}) the first time only.
 */
public final class KafkaKraftBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaKraftBroker.class);
    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;

    private KafkaKraftBroker(KafkaRaftServer server, int port, Path logDir) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:<port>} */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /** A new admin client for this broker; the caller closes it. */
    public Admin admin() {
        return admin(bootstrapServers());
    }

    static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "local-platform-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000"));
    }

    /**
     * Creates the topics that do not exist yet, each with its partition count (replication factor 1). An existing
     * topic with another partition count is an error: co-partitioned topics must agree, and changing the count of a
     * topic that holds data moves keys to other partitions. Returns the names of the topics it created.
     */
    public List<String> createTopics(Map<String, Integer> partitionsByTopic) {
        return createTopics(bootstrapServers(), partitionsByTopic);
    }

    static List<String> createTopics(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin(bootstrapServers)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .toList();
            List<String> created = new ArrayList<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            Map<String, TopicDescription> descriptions = described(admin, partitionsByTopic.keySet());
            List<String> mismatched = partitionsByTopic.entrySet().stream()
                    .filter(e -> descriptions.get(e.getKey()).partitions().size() != e.getValue())
                    .map(e -> e.getKey() + " has " + descriptions.get(e.getKey()).partitions().size() + " partitions, not "
                            + e.getValue())
                    .toList();
            if (!mismatched.isEmpty()) {
                throw new IllegalStateException("Existing topics do not have the expected partition count: " + mismatched
                        + ". Start with a fresh data directory (--fresh) to recreate them.");
            }
            if (!created.isEmpty()) {
                LOG.info("Created topics {}", created);
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create topics " + partitionsByTopic.keySet(), e);
        }
    }

    /**
     * The topics' descriptions once the broker knows them all: just after their creation its metadata may not have them
     * yet (UnknownTopicOrPartitionException, seen on a loaded machine), which is a wait, not a failure.
     */
    private static Map<String, TopicDescription> described(Admin admin, Set<String> topics) {
        AtomicReference<Map<String, TopicDescription>> described = new AtomicReference<>();
        Polling.await("the broker's metadata of topics " + topics, Duration.ofSeconds(60), () -> {
            try {
                described.set(admin.describeTopics(topics).allTopicNames().get(60, TimeUnit.SECONDS));
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    return false;
                }
                throw e;
            }
        });
        return described.get();
    }

    /** The partition count of every topic of the broker, internal topics excluded. */
    public Map<String, Integer> partitionCounts() {
        try (Admin admin = admin()) {
            Set<String> names = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            return admin.describeTopics(names).allTopicNames().get(60, TimeUnit.SECONDS).values().stream()
                    .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not describe topics", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker on port {} stopped", port);
    }

    public static final class Builder {
        private Path logDir;
        private int port = 19092;
        private int controllerPort;
        private final Map<String, String> overrides = new HashMap<>();
        private boolean durable = true;

        private Builder() {
        }

        /**
         * Whether every append is fsynced before it is acknowledged (default true). With one broker and replication
         * factor 1 there is no other replica to hold an acknowledged event: without the fsync it sits in the page
         * cache, which survives a kill -9 of the broker but not an OS crash or power loss. Callers whose log
         * directory is deleted on close pass false (the page cache only, Kafka's default).
         */
        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        /** The broker's log directory (also its metadata log); kept between runs. Required. */
        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        /** The client port; 0 picks a free one. Default 19092. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The KRaft controller port; default 0, a free one (clients never use it). */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Any other broker setting. */
        public Builder config(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public KafkaKraftBroker start() {
            Objects.requireNonNull(logDir, "logDir");
            long started = System.nanoTime();
            int clientPort = FreePorts.orFree(port);
            int quorumPort = FreePorts.orFree(controllerPort);
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", String.valueOf(NODE_ID));
            // static quorum: the voter set lives in this configuration, so the controller port may change between runs
            props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + quorumPort);
            props.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + quorumPort);
            props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", logDir.toAbsolutePath().toString());
            props.put("auto.create.topics.enable", "false");
            props.put("default.replication.factor", "1");
            // acks=all waits for every in-sync replica; with replication factor 1 that is the leader alone, and a
            // minimum of 2 would refuse every acks=all write
            props.put("min.insync.replicas", "1");
            props.put("unclean.leader.election.enable", "false");
            // 1: fsync each append before the produce response (the log's own flush, inside the append); else never:
            // the OS writes the page cache back when it likes (Kafka's default, fine for a throw-away log)
            props.put("log.flush.interval.messages", durable ? "1" : String.valueOf(Long.MAX_VALUE));
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "5");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("transaction.state.log.num.partitions", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            // 7 days, as the topics declare (contracts' asyncapi.yaml): shorter than the consumers' inbox window (30 days),
            // so a consumer group reset to the earliest offset re-reads only events its inbox still knows
            props.put("log.retention.ms", String.valueOf(java.time.Duration.ofDays(7).toMillis()));
            props.put("num.network.threads", "2");
            props.put("num.io.threads", "2");
            props.put("background.threads", "2");
            props.put("num.recovery.threads.per.data.dir", "1");
            props.putAll(overrides);
            try {
                Files.createDirectories(logDir);
                KafkaConfig config = new KafkaConfig(props, false);
                formatIfNeeded(config, logDir);
                KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
                try {
                    server.startup();
                } catch (RuntimeException e) {
                    server.shutdown();
                    throw e;
                }
                LOG.info("Kafka broker (KRaft) on {}:{}, logs in {}, {}, started in {} ms", HOST, clientPort, logDir,
                        durable ? "every append fsynced before its acknowledgement" : "appends left to the page cache",
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return new KafkaKraftBroker(server, clientPort, logDir);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the Kafka broker in " + logDir, e);
            }
        }

        private static void formatIfNeeded(KafkaConfig config, Path logDir) {
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String clusterId = Uuid.randomUuid().toString();
            try {
                new Formatter()
                        .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                        .setNodeId(NODE_ID)
                        .setClusterId(clusterId)
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(config.metadataLogDir())
                        .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                        .setHasDynamicQuorum(false)
                        .setUnstableFeatureVersionsEnabled(false)
                        .run();
            } catch (Exception e) {
                throw new IllegalStateException("could not format the Kafka log directory " + logDir + ": "
                        + out.toString(StandardCharsets.UTF_8), e);
            }
            LOG.info("Formatted Kafka log directory {} for cluster {}", logDir, clusterId);
        }
    }
}
