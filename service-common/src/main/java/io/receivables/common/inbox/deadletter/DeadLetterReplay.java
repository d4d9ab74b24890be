package io.receivables.common.inbox.deadletter;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.receivables.common.inbox.EventHandler;
import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.InboxConsumers;
import io.receivables.common.inbox.InboxProcessor;
import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.contracts.validation.InvalidEventException;
import io.smallrye.mutiny.Uni;

/**
 * Replays a dead letter after a fix: the same checks and the same handler as a live delivery, through
 * {@link InboxProcessor#applyOnce}, so that the inbox makes a replay apply at most once however often it is asked for.
 * A dead letter that still cannot apply stays, with the reason of this attempt.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    /** What a replay did: {@code APPLIED}, {@code PARKED}, {@code DUPLICATE} (applied before) or {@code ALREADY_REPLAYED}. */
    public record Outcome(UUID deadLetterId, UUID eventId, String outcome) {
    }

    private final DeadLetters deadLetters;
    private final InboxProcessor processor;
    private final InboxConsumers consumers;
    private final EventValidator validator = EventValidator.shared();

    @Inject
    public DeadLetterReplay(DeadLetters deadLetters, InboxProcessor processor, InboxConsumers consumers) {
        this.deadLetters = deadLetters;
        this.processor = processor;
        this.consumers = consumers;
    }

    public Uni<Outcome> replay(UUID id) {
        return deadLetters.find(id).chain(found -> {
            DeadLetter deadLetter = found.orElseThrow(() -> ProblemException.notFound("No dead letter " + id));
            if (deadLetter.replayedAt() != null) {
                return Uni.createFrom().item(new Outcome(id, deadLetter.eventId(), "ALREADY_REPLAYED"));
            }
            InboundEvent event;
            EventHandler handler;
            try {
                event = InboundEvent.of(deadLetter.headers(), deadLetter.key(), deadLetter.payload(),
                        deadLetter.topic(), deadLetter.partition(), deadLetter.offset());
                validator.assertValid(event.type(), event.payload());
                handler = consumers.handlerFor(event.type()).orElseThrow(() -> new MalformedEventException(
                        "no consumer of this service applies " + event.type()));
            } catch (MalformedEventException | InvalidEventException e) {
                return stillDead(id, e);
            }
            return processor.applyOnce(event, handler, () -> deadLetters.markReplayed(id))
                    .map(applied -> new Outcome(id, event.id(), applied.name()))
                    .invoke(outcome -> LOG.infof("Replayed dead letter %s (event %s): %s", id, event.id(),
                            outcome.outcome()))
                    .onFailure(InboxProcessor::isPermanent).recoverWithUni(e -> stillDead(id, e));
        });
    }

    private Uni<Outcome> stillDead(UUID id, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        LOG.warnf("Dead letter %s still cannot apply: %s", id, reason);
        return deadLetters.recordReplayFailure(id, reason).chain(() -> Uni.createFrom().failure(
                new ProblemException(ProblemType.EVENT_NOT_APPLICABLE, "Still cannot apply: " + reason, List.of())));
    }
}
