package io.receivables.dunning.delivery.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.money.Currencies;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.ReminderSent;
import io.receivables.dunning.delivery.Backoff;
import io.receivables.dunning.delivery.DeliveryConfig;
import io.receivables.dunning.delivery.DeliveryFailure;
import io.receivables.dunning.message.Message;
import io.receivables.dunning.message.MessageInvoice;
import io.receivables.dunning.message.MessageStatus;
import io.receivables.dunning.message.repository.MessageInvoiceRepository;
import io.receivables.dunning.message.repository.MessageRepository;
import io.receivables.dunning.template.Channel;
import io.smallrye.mutiny.Uni;

/**
 * Records what came of a delivery attempt, each in the caller's transaction (the worker's, or the bounce callback's),
 * under the message's row lock: SENT with its reminder-sent event, QUEUED again with a backoff, FAILED, BOUNCED.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    /** Who delivers: the worker, whichever replica runs it. */
    public static final Actor ACTOR = Actor.system("dunning-delivery");
    /** The contract's pattern for reminder-sent's templateId. */
    private static final Pattern TEMPLATE_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final int MAX_ERROR = 1000;

    private final MessageRepository messages;
    private final MessageInvoiceRepository invoices;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final DeliveryConfig config;
    private final Clock clock;

    @Inject
    public Deliveries(MessageRepository messages, MessageInvoiceRepository invoices, OutboxWriter outbox,
            AuditLog audit, DeliveryConfig config, Clock clock) {
        this.messages = messages;
        this.invoices = invoices;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Marks the message SENT and publishes reminder-sent, after running {@code deliverInside} in the same transaction
     * (LETTER: the letter is stored; PHONE_TASK: the task is created; others: nothing). A message already SENT (or
     * BOUNCED) is left alone and {@code deliverInside} not run: a second worker that sent it too (after the first one's
     * attempt timed out) records nothing twice. Returns whether this call marked it.
     */
    public Uni<Boolean> markSent(UUID messageId, Function<Message, Uni<?>> deliverInside) {
        return messages.findById(messageId, LockModeType.PESSIMISTIC_WRITE).chain(message -> {
            if (message == null || message.status == MessageStatus.SENT || message.status == MessageStatus.BOUNCED) {
                return Uni.createFrom().item(false);
            }
            Instant now = now();
            return deliverInside.apply(message).chain(() -> {
                message.status = MessageStatus.SENT;
                message.sentAt = now;
                return invoices.ofMessages(List.of(messageId));
            }).chain(named -> publish(message, named, now)).call(messages::flush).replaceWith(true);
        });
    }

    /**
     * Records a failed attempt, if the message is still in that attempt (a worker that took over a timed-out attempt
     * owns it now): permanent → FAILED; transient → QUEUED after a backoff, or FAILED once the attempts ran out.
     */
    public Uni<MessageStatus> markFailed(UUID messageId, int attempt, DeliveryFailure failure) {
        return messages.findById(messageId, LockModeType.PESSIMISTIC_WRITE).chain(message -> {
            if (message == null || message.status != MessageStatus.SENDING || message.attempts != attempt) {
                return Uni.createFrom().item(message == null ? null : message.status);
            }
            String reason = failure.getMessage() == null ? "unknown failure" : failure.getMessage();
            if (failure.permanent()) {
                message.status = MessageStatus.FAILED;
                message.lastError = shorten(reason);
            } else if (message.attempts >= config.maxAttempts()) {
                message.status = MessageStatus.FAILED;
                message.lastError = shorten("gave up after " + message.attempts + " attempt(s); the last: " + reason);
            } else {
                message.status = MessageStatus.QUEUED;
                message.lastError = shorten(reason);
                message.nextAttemptAt = now().plus(new Backoff(config.initialBackoff(), config.maxBackoff())
                        .after(message.attempts));
            }
            return messages.flush().replaceWith(message.status);
        });
    }

    /** A SENT message bounced (the relay's or the SMS provider's callback): BOUNCED with the reason; 409 otherwise. */
    public Uni<Message> markBounced(Actor actor, UUID messageId, String reason) {
        return messages.findById(messageId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No message " + messageId))
                .chain(message -> {
                    if (message.status != MessageStatus.SENT) {
                        throw new ProblemException(ProblemType.CONFLICT, "Message " + messageId + " is "
                                + message.status + ": only a SENT message can bounce", List.of());
                    }
                    message.status = MessageStatus.BOUNCED;
                    message.bouncedAt = now();
                    message.lastError = shorten(reason);
                    return audit.record(actor, "reportMessageBounce", "dunning-message", messageId,
                            AuditSummary.of().change("status", MessageStatus.SENT, MessageStatus.BOUNCED)
                                    .value("reason", reason))
                            .call(messages::flush).replaceWith(message);
                });
    }

    private Uni<Void> publish(Message message, List<MessageInvoice> named, Instant sentAt) {
        BigDecimal overdue = Currencies.round(message.amountDue, message.currency);
        if (named.isEmpty() || overdue.signum() <= 0) {
            // the contract requires invoices and a positive amount: a message without either reminds of nothing
            LOG.warnf("Message %s was delivered but names no invoice or no amount: no reminder-sent", message.id);
            return Uni.createFrom().voidItem();
        }
        ReminderSent event = new ReminderSent(message.id, message.customerId, message.stepNumber,
                channel(message.channel), templateId(message), named.stream().map(i -> i.invoiceId).toList(),
                message.currency, overdue, sentAt);
        return outbox.append(ACTOR, "dunning-message", event).replaceWithVoid();
    }

    /** The contract names a phone task's delivery PHONE_CALL. */
    static ReminderSent.Channel channel(Channel channel) {
        return switch (channel) {
            case EMAIL -> ReminderSent.Channel.EMAIL;
            case SMS -> ReminderSent.Channel.SMS;
            case LETTER -> ReminderSent.Channel.LETTER;
            case PHONE_TASK -> ReminderSent.Channel.PHONE_CALL;
        };
    }

    /** {@code reminder-1.de}, when it fits the contract's pattern (a regional language tag in capitals does not). */
    static String templateId(Message message) {
        String id = message.templateKey + "." + message.language;
        return TEMPLATE_ID.matcher(id).matches() ? id : null;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String shorten(String reason) {
        return reason.length() <= MAX_ERROR ? reason : reason.substring(0, MAX_ERROR - 1) + "…";
    }
}
