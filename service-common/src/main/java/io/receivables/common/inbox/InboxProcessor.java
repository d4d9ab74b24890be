package io.receivables.common.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.inbox.deadletter.DeadLetters;
import io.receivables.common.inbox.parking.ParkedEvents;
import io.receivables.common.inbox.parking.ReferenceNotYetKnownException;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.contracts.validation.InvalidEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The one way a service consumes an event. Three outcomes, and only three:
 * <ul>
 * <li>applied: recorded in the inbox and applied in ONE transaction, then acknowledged, so that its offset is committed
 * after the state change; or parked in that transaction when it refers to something not known yet
 * ({@link ReferenceNotYetKnownException});</li>
 * <li>dead-lettered: only an event that can NEVER apply (malformed envelope, schema-invalid, a rule it breaks for good:
 * {@link MalformedEventException}) is recorded in {@code dead_letter}, sent from there to the dead-letter topic with its
 * reason ({@link DeadLetters}), and acknowledged; it never blocks its partition;</li>
 * <li>retried: any other failure (database down, connection refused, timeout, lock conflict) is transient: the event is
 * retried with exponential backoff, without limit, and holds its channel, so that no later event overtakes it and no
 * valid event is ever dead-lettered for a failure of the infrastructure.</li>
 * </ul>
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    /** First and longest wait between two attempts of an event that failed for a transient reason. */
    static final Duration FIRST_RETRY = Duration.ofMillis(200);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final Inbox inbox;
    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final EventValidator validator = EventValidator.shared();
    private final MeterRegistry metrics;
    private final AtomicInteger retrying = new AtomicInteger();

    @Inject
    public InboxProcessor(Inbox inbox, ParkedEvents parked, DeadLetters deadLetters,
            MeterRegistry metrics) {
        this.inbox = inbox;
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        metrics.gauge("receivables.events.retrying", retrying);
    }

    /**
     * Consumes one record with a consumer bean: a bean, so that a dead-letter replay or the release of a parked event
     * finds the same handler even before the consumer has read its first record since start. Valid events of a type
     * the consumer does not apply are acknowledged unchanged.
     */
    public Uni<Void> process(Message<String> message, InboxConsumer consumer) {
        Set<String> handled = consumer.handledTypes();
        InboundEvent event;
        try {
            event = InboundEvent.from(message);
            if (handled.contains(event.type())) {
                validator.assertValid(event.type(), event.payload());
            }
        } catch (MalformedEventException | InvalidEventException e) {
            return deadLetter(message, null, e);
        }
        if (!handled.contains(event.type())) {
            return Uni.createFrom().completionStage(message::ack);
        }
        InboundEvent valid = event;
        return untilNotTransient(() -> applyOnce(valid, consumer, () -> Uni.createFrom().voidItem()),
                "Event " + valid.id() + " (" + valid.type() + ")")
                .onItemOrFailure().transformToUni((applied, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message::ack)
                        : deadLetter(message, valid, failure));
    }

    /**
     * In ONE transaction: records the event in the inbox, then applies it (or parks it when the handler says what it
     * refers to is not known yet), then runs {@code alsoInTransaction}. A failure rolls all of it back.
     */
    public Uni<EventApplication> applyOnce(InboundEvent event, EventHandler handler,
            Supplier<Uni<Void>> alsoInTransaction) {
        return Panache.withTransaction(() -> inbox.recordFirstDelivery(event)
                .chain(first -> first ? applyOrPark(event, handler) : duplicate(event))
                .call(ignored -> alsoInTransaction.get()))
                // a parked event it released may have turned out never applicable: dead-lettered in that transaction
                .call(deadLetters::publishRecorded);
    }

    private Uni<EventApplication> applyOrPark(InboundEvent event, EventHandler handler) {
        return handler.apply(event)
                .invoke(() -> recordLag(event))
                .replaceWith(EventApplication.APPLIED)
                .onFailure(ReferenceNotYetKnownException.class).recoverWithUni(notYet -> parked
                        .park(event, ((ReferenceNotYetKnownException) notYet).reference())
                        .replaceWith(EventApplication.PARKED));
    }

    /** Whether {@code failure} means the event can never apply: anything else is worth another attempt. */
    public static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException || cause instanceof InvalidEventException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Retries {@code attempt} while it fails for a transient reason: backoff from 200 ms to 30 s, without limit. The
     * waits are Vert.x timers on the caller's context, so every attempt runs where Hibernate Reactive needs it to.
     */
    <T> Uni<T> untilNotTransient(Supplier<Uni<T>> attempt, String what) {
        Context context = Vertx.currentContext();
        AtomicInteger failures = new AtomicInteger();
        return attempt(attempt, what, context, failures).onTermination().invoke(() -> {
            if (failures.get() > 0) {
                retrying.decrementAndGet();
                LOG.infof("%s went through after %d failed attempts", what, failures.get());
            }
        });
    }

    private <T> Uni<T> attempt(Supplier<Uni<T>> attempt, String what, Context context, AtomicInteger failures) {
        return Uni.createFrom().deferred(attempt::get)
                .onFailure(failure -> !isPermanent(failure)).recoverWithUni(failure -> {
                    int failed = failures.incrementAndGet();
                    if (failed == 1) {
                        retrying.incrementAndGet();
                    }
                    metrics.counter("receivables.events.retries").increment();
                    Duration wait = backoff(failed);
                    LOG.warnf("%s failed for a transient reason (attempt %d), retrying in %d ms: %s", what, failed,
                            wait.toMillis(), failure.toString());
                    return pause(context, wait).chain(() -> attempt(attempt, what, context, failures));
                });
    }

    /** 200 ms, 400 ms, 800 ms, ... up to 30 s. */
    static Duration backoff(int failures) {
        long millis = FIRST_RETRY.toMillis() << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(millis, LONGEST_RETRY.toMillis()));
    }

    private static Uni<Void> pause(Context context, Duration wait) {
        return Uni.createFrom().emitter(emitter -> {
            if (context == null) {
                // not on a Vert.x thread (a plain unit test): a daemon delay is as good
                Uni.createFrom().voidItem().onItem().delayIt().by(wait).subscribe().with(emitter::complete);
            } else {
                context.owner().setTimer(wait.toMillis(), id -> context.runOnContext(ignored -> emitter.complete(null)));
            }
        });
    }

    private Uni<EventApplication> duplicate(InboundEvent event) {
        LOG.debugf("Event %s (%s) already applied; skipped", event.id(), event.type());
        metrics.counter("receivables.events.duplicates", "type", event.type()).increment();
        return Uni.createFrom().item(EventApplication.DUPLICATE);
    }

    private void recordLag(InboundEvent event) {
        if (event.time() != null) {
            Timer.builder("receivables.events.lag").description("From the event's time to its application here")
                    .tag("type", event.type()).publishPercentileHistogram().register(metrics)
                    .record(Duration.between(event.time(), Instant.now()));
        }
    }

    /**
     * Records the dead letter (retried like an event while the database is away: it must not be lost), which sends it
     * to the dead-letter topic with the reason in its headers, then acknowledges the record: it is dealt with.
     */
    private Uni<Void> deadLetter(Message<String> message, InboundEvent event, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        LOG.warnf("Dead-lettering %s: %s", event == null ? "a malformed record"
                : "event " + event.id() + " (" + event.type()
                        + ")",
                reason);
        metrics.counter("receivables.events.dead.lettered", "reason", event == null ? "malformed" : "unapplicable")
                .increment();
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        if (kafka == null) {
            // not from Kafka, so nothing to record it by: left to the connector's failure strategy
            return Uni.createFrom().completionStage(() -> message.nack(failure));
        }
        Map<String, String> headers = InboundEvent.headersOf(kafka.getHeaders());
        DeadLetters.Record record = new DeadLetters.Record(headers,
                kafka.getKey() == null ? null : kafka.getKey().toString(), message.getPayload(), kafka.getTopic(),
                kafka.getPartition(), kafka.getOffset(), event == null ? null : event.id(),
                event == null ? headers.get("ce_type") : event.type(), reason);
        return untilNotTransient(() -> deadLetters.record(record), "Recording the dead letter of " + record.topic() + "/"
                + record.partition() + "/" + record.offset())
                .chain(() -> Uni.createFrom().completionStage(message::ack));
    }
}
