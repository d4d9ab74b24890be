package io.receivables.common.inbox.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.receivables.common.inbox.HeaderJson;
import io.receivables.common.inbox.InboxTables;
import io.receivables.common.inbox.retention.InboxConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends the dead letters to this service's dead-letter topic from the {@code dead_letter} table, the way an outbox
 * feeds a topic. Whatever gives up on an event (a first delivery, or a parked event released) records the row in its
 * transaction and nothing more; once that transaction has committed, the rows not yet published are sent here and
 * marked published. A send that fails leaves its row unpublished, and the schedule sends it again: the event is
 * neither lost from the topic nor recorded twice in the table (one row per topic, partition and offset). The topic
 * is at least once: a crash between a send and its mark sends the record again, with the same {@code ce_id}.
 * <p>
 * The rows are taken with {@code FOR UPDATE SKIP LOCKED}, so that two publishers (the schedule, a commit, another
 * replica) never send one row at once.
 */
@ApplicationScoped
public class DeadLetterTopic {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopic.class);
    private static final int BATCH = 100;
    private static final String UNPUBLISHED = """
            SELECT id, topic, kafka_partition, record_offset, message_key, headers, payload, reason FROM dead_letter
            WHERE published_at IS NULL ORDER BY dead_lettered_at, id LIMIT $1 FOR UPDATE SKIP LOCKED""";

    private final Pool pool;
    private final InboxTables tables;
    private final Clock clock;
    private final String topic;
    private final Map<String, Object> kafkaConfig;
    /** Whether a dead letter may have been recorded since the last run; true at start for what a restart left. */
    private final AtomicBoolean recorded = new AtomicBoolean(true);
    private volatile KafkaProducer<String, String> producer;

    @Inject
    public DeadLetterTopic(Pool pool, InboxTables tables, Clock clock, InboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.pool = pool;
        this.tables = tables;
        this.clock = clock;
        this.topic = config.deadLetterTopic();
        this.kafkaConfig = kafkaConfig;
    }

    /** Called in the transaction that records a dead letter: once it has committed, {@link #publishRecorded} sends it. */
    void recorded() {
        recorded.set(true);
    }

    /**
     * After a transaction that may have recorded dead letters: sends the unpublished ones, if one was recorded since
     * the last run. Never fails: what it could not send waits for the schedule.
     */
    public Uni<Void> publishRecorded() {
        if (!recorded.getAndSet(false)) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        Uni<Void> published = publishUnpublished().replaceWithVoid().onFailure().recoverWithUni(failure -> {
            recorded.set(true);
            LOG.warnf("Could not send dead letters to %s now, tried again later: %s", topic, failure.toString());
            return Uni.createFrom().voidItem();
        });
        // the caller goes on where it was (a Hibernate Reactive caller must), not on Kafka's or a worker thread
        return context == null ? published
                : published.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    @Scheduled(identity = "dead-letter-topic", every = "${receivables.inbox.dead-letter-publish-every:10s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        recorded.set(true);
        return publishRecorded();
    }

    /** Sends the dead letters not on the topic yet, oldest first, and marks those the topic took; returns how many. */
    public Uni<Integer> publishUnpublished() {
        return tables.ifPresent(() -> pool.withTransaction(connection -> connection.preparedQuery(UNPUBLISHED)
                .execute(Tuple.of(BATCH))
                .chain(this::sendAll)
                .chain(sent -> markPublished(connection, sent))), 0);
    }

    /**
     * Sends the rows in their order, on a worker (the producer blocks while it has no metadata for the topic, longer
     * while the broker is away); returns the ids of those the topic took.
     */
    private Uni<List<UUID>> sendAll(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().item(() -> {
            List<CompletableFuture<UUID>> sends = new ArrayList<>();
            rows.forEach(row -> sends.add(send(row)));
            return sends;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(sends -> Uni.createFrom()
                        .completionStage(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)))
                        .map(ignored -> sends.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList()));
    }

    /** Completes with the row's id once the topic has it; with null when the send failed (the row stays unpublished). */
    private CompletableFuture<UUID> send(Row row) {
        UUID id = row.getUUID("id");
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, row.getString("message_key"),
                row.getString("payload"));
        HeaderJson.read(row.getString("headers"))
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> deadLetter = Map.of("dead-letter-reason", row.getString("reason"), "dead-letter-topic",
                row.getString("topic"), "dead-letter-partition", String.valueOf(row.getInteger("kafka_partition")),
                "dead-letter-offset", String.valueOf(row.getLong("record_offset")));
        deadLetter.forEach((name, value) -> {
            record.headers().remove(name);
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        });
        CompletableFuture<UUID> sent = new CompletableFuture<>();
        try {
            producer().send(record, (metadata, failure) -> {
                if (failure != null) {
                    unsent(id, failure);
                }
                sent.complete(failure == null ? id : null);
            });
        } catch (RuntimeException failure) {
            unsent(id, failure);
            sent.complete(null);
        }
        return sent;
    }

    private void unsent(UUID id, Throwable failure) {
        recorded.set(true);
        LOG.warnf("Sending dead letter %s to %s failed, sent again later: %s", id, topic, failure.toString());
    }

    private Uni<Integer> markPublished(SqlConnection connection, List<UUID> sent) {
        if (sent.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery("UPDATE dead_letter SET published_at = $1 WHERE id = ANY($2)")
                .execute(Tuple.of(OffsetDateTime.now(clock), sent.toArray(UUID[]::new)))
                .map(result -> result.rowCount());
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = new HashMap<>(kafkaConfig);
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    // a broker that is away fails the send within a minute, rather than holding the row locked longer
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis());
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis());
                    producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
