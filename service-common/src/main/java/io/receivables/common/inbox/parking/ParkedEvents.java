package io.receivables.common.inbox.parking;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.inbox.EventHandler;
import io.receivables.common.inbox.HeaderJson;
import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxConsumers;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.common.inbox.SqlValues;
import io.receivables.common.inbox.deadletter.DeadLetters;
import io.smallrye.mutiny.Uni;

/**
 * Events that arrived before the thing they refer to (DESIGN.md §4: ordering across topics is not guaranteed). A parked
 * event is already in the inbox, so a redelivery of it changes nothing; it is applied, in the order it arrived, when
 * the handler of the referenced event calls {@link #release} in its own transaction.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);

    private static final String PARK = """
            INSERT INTO parked_event (event_id, reference, event_type, topic, kafka_partition, record_offset,
                                      message_key, headers, payload, parked_at)
            VALUES (:eventId, :reference, :type, :topic, :partition, :offset, :key, :headers, :payload, :parkedAt)""";
    private static final String WAITING = """
            SELECT seq, headers, message_key, payload, topic, kafka_partition, record_offset
            FROM parked_event WHERE reference = :reference ORDER BY seq""";

    private final InboxConsumers consumers;
    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;
    private final Clock clock;

    @Inject
    public ParkedEvents(InboxConsumers consumers, DeadLetters deadLetters, MeterRegistry metrics, Clock clock) {
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The key events wait under: {@code invoice:<id>}. */
    public static String reference(String referenceType, Object referenceId) {
        return referenceType + ":" + referenceId;
    }

    /** Parks {@code event} in the caller's transaction (the one that records it in the inbox). */
    public Uni<Void> park(InboundEvent event, String reference) {
        LOG.infof("Parking event %s (%s) until %s arrives", event.id(), event.type(), reference);
        metrics.counter("receivables.events.parked", "type", event.type()).increment();
        return Panache.getSession().chain(session -> session.createNativeQuery(PARK)
                .setParameter("eventId", event.id())
                .setParameter("reference", reference)
                .setParameter("type", event.type())
                .setParameter("topic", event.topic())
                .setParameter("partition", event.partition())
                .setParameter("offset", event.offset())
                .setParameter("key", event.key())
                .setParameter("headers", HeaderJson.write(event.headers()))
                .setParameter("payload", event.payload())
                .setParameter("parkedAt", OffsetDateTime.now(clock))
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Applies, in the caller's transaction and in their original order, the events parked for {@code referenceType}
     * {@code referenceId}. Call it right after the referenced thing is stored. An event that still waits for something
     * else is parked again under that other reference.
     */
    public Uni<Void> release(String referenceType, Object referenceId) {
        String reference = reference(referenceType, referenceId);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(WAITING, Object[].class)
                        .setParameter("reference", reference).getResultList())
                .chain(rows -> {
                    // one after the other, in the order they arrived: a later event may depend on an earlier one
                    Uni<Void> applied = Uni.createFrom().voidItem();
                    for (Object[] row : rows) {
                        applied = applied.chain(() -> applyParked(row));
                    }
                    return applied;
                });
    }

    private Uni<Void> applyParked(Object[] row) {
        long seq = ((Number) row[0]).longValue();
        InboundEvent event = InboundEvent.of(HeaderJson.read((String) row[1]), (String) row[2], (String) row[3],
                (String) row[4], ((Number) row[5]).intValue(), ((Number) row[6]).longValue());
        EventHandler handler = consumers.handlerFor(event.type()).orElseThrow(() -> new IllegalStateException(
                "no consumer of this service applies " + event.type() + ", parked as event " + event.id()));
        return handler.apply(event)
                .chain(() -> execute("DELETE FROM parked_event WHERE seq = :seq", seq, null))
                .invoke(() -> {
                    LOG.infof("Applied parked event %s (%s)", event.id(), event.type());
                    metrics.counter("receivables.events.released", "type", event.type()).increment();
                })
                .onFailure(ReferenceNotYetKnownException.class).recoverWithUni(stillWaiting -> execute(
                        "UPDATE parked_event SET reference = :reference WHERE seq = :seq", seq,
                        ((ReferenceNotYetKnownException) stillWaiting).reference()))
                .onFailure(InboxProcessor::isPermanent).recoverWithUni(never -> deadLetter(seq, event, never));
    }

    /**
     * A parked event that turns out never to apply (e.g. another currency than the invoice it waited for) must not take
     * the referenced event down with it: like {@link ReferenceNotYetKnownException}, the handler throws before changing
     * anything, and the event becomes a dead letter here, in this transaction, the one way every dead letter is made
     * ({@link DeadLetters#recordInTransaction}): the dead-letter topic gets it once the transaction has committed. Its
     * inbox row goes, so that a replay after a fix applies it.
     */
    private Uni<Void> deadLetter(long seq, InboundEvent event, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        LOG.warnf("Dead-lettering parked event %s (%s): %s", event.id(), event.type(), reason);
        metrics.counter("receivables.events.dead.lettered", "reason", "unapplicable").increment();
        return execute("DELETE FROM parked_event WHERE seq = :seq", seq, null)
                .chain(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("DELETE FROM inbox WHERE event_id = :id").setParameter("id", event.id())
                        .executeUpdate()))
                .chain(() -> deadLetters.recordInTransaction(new DeadLetters.Record(event.headers(), event.key(),
                        event.payload(), event.topic(), event.partition(), event.offset(), event.id(), event.type(),
                        reason)));
    }

    private static Uni<Void> execute(String statement, long seq, String reference) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(statement).setParameter("seq", seq);
            if (reference != null) {
                query.setParameter("reference", reference);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /** How many events wait, per reference, for the admin endpoint: the oldest first. */
    public record Waiting(String reference, long events, OffsetDateTime since) {
    }

    public Uni<List<Waiting>> waiting(int limit) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT reference, count(*), min(parked_at) FROM parked_event
                GROUP BY reference ORDER BY min(parked_at), reference LIMIT :limit""", Object[].class)
                .setParameter("limit", limit).getResultList()))
                .map(rows -> rows.stream().map(row -> new Waiting((String) row[0], ((Number) row[1]).longValue(),
                        SqlValues.offsetDateTime(row[2]))).toList());
    }

    public Uni<Long> count() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM parked_event", Long.class).getSingleResult()));
    }
}
