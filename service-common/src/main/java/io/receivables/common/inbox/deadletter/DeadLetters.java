package io.receivables.common.inbox.deadletter;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.inbox.HeaderJson;
import io.receivables.common.inbox.SqlValues;
import io.smallrye.mutiny.Uni;

/**
 * The records this service's consumers gave up on, kept so that ops can list them and replay them after a fix, and
 * sent from here to the dead-letter topic ({@link DeadLetterTopic}). A record redelivered after a crash is kept once (unique
 * topic, partition and offset).
 */
@ApplicationScoped
public class DeadLetters {

    /** What the processor knows of a record it gives up on. */
    public record Record(Map<String, String> headers, String key, String payload, String topic, int partition,
            long offset, UUID eventId, String eventType, String reason) {
    }

    private static final String INSERT = """
            INSERT INTO dead_letter (id, event_id, event_type, topic, kafka_partition, record_offset, message_key,
                                     headers, payload, reason, dead_lettered_at)
            VALUES (:id, :eventId, :type, :topic, :partition, :offset, :key, :headers, :payload, :reason, :at)
            ON CONFLICT (topic, kafka_partition, record_offset) DO NOTHING""";
    private static final String COLUMNS = """
            SELECT id, event_id, event_type, topic, kafka_partition, record_offset, message_key, headers, payload,
                   reason, dead_lettered_at, replayed_at, last_replay_failure FROM dead_letter""";

    private final Clock clock;
    private final DeadLetterTopic topic;

    @Inject
    public DeadLetters(Clock clock, DeadLetterTopic topic) {
        this.clock = clock;
        this.topic = topic;
    }

    /** Dead-letters {@code record} in its own transaction, then sends it to the dead-letter topic. */
    public Uni<Void> record(Record record) {
        return Panache.withTransaction(() -> recordInTransaction(record)).call(this::publishRecorded);
    }

    /**
     * Dead-letters {@code record} in the caller's transaction: the one way an event becomes a dead letter. Whoever
     * commits that transaction then calls {@link #publishRecorded()}; the topic gets it from the row.
     */
    public Uni<Void> recordInTransaction(Record record) {
        topic.recorded();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", UUID.randomUUID())
                .setParameter("eventId", record.eventId())
                .setParameter("type", record.eventType())
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("key", record.key())
                .setParameter("headers", HeaderJson.write(record.headers()))
                .setParameter("payload", record.payload())
                .setParameter("reason", record.reason())
                .setParameter("at", OffsetDateTime.now(clock))
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * After a transaction that may have recorded dead letters has committed: sends them to the dead-letter topic.
     * Never fails; a send that failed is made again by {@link DeadLetterTopic}'s schedule.
     */
    public Uni<Void> publishRecorded() {
        return topic.publishRecorded();
    }

    /** The newest first. */
    public Uni<List<DeadLetter>> list(boolean includeReplayed, int limit) {
        String sql = COLUMNS + (includeReplayed ? "" : " WHERE replayed_at IS NULL")
                + " ORDER BY dead_lettered_at DESC, id LIMIT :limit";
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(sql, Object[].class).setParameter("limit", limit).getResultList()))
                .map(rows -> rows.stream().map(DeadLetters::toDeadLetter).toList());
    }

    public Uni<Optional<DeadLetter>> find(UUID id) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(COLUMNS + " WHERE id = :id", Object[].class).setParameter("id", id)
                .getResultList()))
                .map(rows -> rows.stream().findFirst().map(DeadLetters::toDeadLetter));
    }

    /** Marks it replayed in the caller's transaction (the one that applied it). */
    public Uni<Void> markReplayed(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "UPDATE dead_letter SET replayed_at = :at, last_replay_failure = NULL WHERE id = :id")
                .setParameter("at", OffsetDateTime.now(clock)).setParameter("id", id).executeUpdate())
                .replaceWithVoid();
    }

    /** Keeps why the last replay failed, in its own transaction: the dead letter stays. */
    public Uni<Void> recordReplayFailure(UUID id, String reason) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "UPDATE dead_letter SET last_replay_failure = :reason WHERE id = :id")
                .setParameter("reason", reason).setParameter("id", id).executeUpdate()))
                .replaceWithVoid();
    }

    private static DeadLetter toDeadLetter(Object[] row) {
        return new DeadLetter((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).intValue(), ((Number) row[5]).longValue(), (String) row[6],
                HeaderJson.read((String) row[7]), (String) row[8], (String) row[9], SqlValues.offsetDateTime(row[10]),
                SqlValues.offsetDateTime(row[11]), (String) row[12]);
    }
}
