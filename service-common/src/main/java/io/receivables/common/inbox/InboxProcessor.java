package io.receivables.common.inbox;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.contracts.validation.InvalidEventException;
import io.smallrye.mutiny.Uni;

/**
 * The one way a service consumes an event: check the envelope and the body against its schema (a malformed event is
 * nacked to the dead-letter topic and never blocks its partition), then record it in the inbox and apply it in ONE
 * transaction, and only then acknowledge it, so that its offset is committed after the state change. Transient failures
 * are retried before the event is given up to the dead-letter topic.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    private final Inbox inbox;
    private final EventValidator validator = EventValidator.shared();
    private final MeterRegistry metrics;

    @Inject
    public InboxProcessor(Inbox inbox, MeterRegistry metrics) {
        this.inbox = inbox;
        this.metrics = metrics;
    }

    /**
     * @param handled the event types this consumer applies; other valid events of the topic are acknowledged unchanged
     */
    public Uni<Void> process(Message<String> message, Set<String> handled, EventHandler handler) {
        InboundEvent event;
        try {
            event = InboundEvent.from(message);
            if (handled.contains(event.type())) {
                validator.assertValid(event.type(), event.payload());
            }
        } catch (MalformedEventException | InvalidEventException e) {
            LOG.warnf("Dead-lettering malformed event: %s", e.getMessage());
            metrics.counter("receivables.events.dead.lettered", "reason", "malformed").increment();
            return Uni.createFrom().completionStage(() -> message.nack(e));
        }
        if (!handled.contains(event.type())) {
            return Uni.createFrom().completionStage(message::ack);
        }
        InboundEvent valid = event;
        return Panache.withTransaction(() -> inbox.recordFirstDelivery(valid)
                .chain(first -> first ? handler.apply(valid).invoke(() -> recordLag(valid)) : duplicate(valid)))
                .onFailure(e -> !(e instanceof MalformedEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .onItemOrFailure().transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message::ack)
                        : deadLetter(message, valid, failure));
    }

    private Uni<Void> duplicate(InboundEvent event) {
        LOG.debugf("Event %s (%s) already applied; skipped", event.id(), event.type());
        metrics.counter("receivables.events.duplicates", "type", event.type()).increment();
        return Uni.createFrom().voidItem();
    }

    private void recordLag(InboundEvent event) {
        if (event.time() != null) {
            Timer.builder("receivables.events.lag").description("From the event's time to its application here")
                    .tag("type", event.type()).publishPercentileHistogram().register(metrics)
                    .record(Duration.between(event.time(), java.time.Instant.now()));
        }
    }

    private Uni<Void> deadLetter(Message<String> message, InboundEvent event, Throwable failure) {
        LOG.errorf(failure, "Dead-lettering event %s (%s) after retries", event.id(), event.type());
        metrics.counter("receivables.events.dead.lettered", "reason", "unapplicable").increment();
        return Uni.createFrom().completionStage(() -> message.nack(failure));
    }
}
