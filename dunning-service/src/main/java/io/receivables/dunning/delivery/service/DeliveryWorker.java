package io.receivables.dunning.delivery.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.receivables.dunning.channel.LetterPdf;
import io.receivables.dunning.channel.StatementPdf;
import io.receivables.dunning.channel.email.EmailSender;
import io.receivables.dunning.channel.email.SmtpFailures;
import io.receivables.dunning.channel.letter.Letter;
import io.receivables.dunning.channel.letter.repository.LetterRepository;
import io.receivables.dunning.channel.sms.SmsGateway;
import io.receivables.dunning.delivery.DeliveryConfig;
import io.receivables.dunning.delivery.DeliveryFailure;
import io.receivables.dunning.delivery.service.DeliveryClaims.Claimed;
import io.receivables.dunning.message.Message;
import io.receivables.dunning.message.MessageStatus;
import io.receivables.dunning.message.repository.MessageRepository;
import io.receivables.dunning.receivable.DunningCustomer;
import io.receivables.dunning.receivable.repository.DunningCustomerRepository;
import io.receivables.dunning.receivable.service.DunningQueries;
import io.receivables.dunning.task.service.Tasks;
import io.receivables.dunning.template.Channel;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Delivers the messages the run queued (docs/dunning.md#channels-and-delivery). Per message: claimed and committed
 * (SENDING) before anything goes out; sent; then SENT with its reminder-sent event in one transaction. A crash between
 * sending and recording leaves it SENDING until its attempt times out; it is then sent again with the same Message-ID.
 * LETTER and PHONE_TASK are delivered inside the recording transaction (the letter stored, the task created), so for
 * them nothing can happen twice. Runs on every replica; claims never overlap.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Batches one scheduled run delivers at most, so that it ends and the next run starts fresh. */
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final DeliveryClaims claims;
    private final Deliveries deliveries;
    private final MessageRepository messages;
    private final DunningCustomerRepository customers;
    private final DunningQueries queries;
    private final LetterRepository letters;
    private final Tasks tasks;
    private final EmailSender email;
    private final SmsGateway sms;
    private final DeliveryConfig config;
    private final Clock clock;

    @Inject
    public DeliveryWorker(DeliveryClaims claims, Deliveries deliveries, MessageRepository messages,
            DunningCustomerRepository customers, DunningQueries queries, LetterRepository letters, Tasks tasks,
            EmailSender email, SmsGateway sms, DeliveryConfig config, Clock clock) {
        this.claims = claims;
        this.deliveries = deliveries;
        this.messages = messages;
        this.customers = customers;
        this.queries = queries;
        this.letters = letters;
        this.tasks = tasks;
        this.email = email;
        this.sms = sms;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "dunning-delivery", every = "${receivables.dunning.delivery.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return deliverAllDue(0).onFailure().invoke(e -> LOG.error("Dunning delivery run failed", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> deliverAllDue(int batches) {
        return deliverDue().chain(claimed -> claimed < config.batchSize() || batches + 1 >= MAX_BATCHES_PER_RUN
                ? Uni.createFrom().voidItem()
                : deliverAllDue(batches + 1));
    }

    /**
     * Claims one batch of due messages and delivers up to {@code concurrency} of them at a time; returns how many it
     * claimed. Call it on a Vert.x context (the scheduler's; a test's through VertxContextSupport).
     */
    public Uni<Integer> deliverDue() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("the delivery worker runs on a Vert.x context");
        }
        return claims.claim(clock.instant()).chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(claimed)
                        .onItem().transformToUni(one -> onOwnContext(context, one))
                        .merge(config.concurrency())
                        .collect().asList().replaceWith(claimed.size()));
    }

    /**
     * Delivers one message on a duplicated Vert.x context of its own: Hibernate Reactive keeps one session per context,
     * so messages delivered at the same time each need theirs.
     */
    private Uni<MessageStatus> onOwnContext(Context parent, Claimed claimed) {
        Context own = VertxContext.createNewDuplicatedContext(parent);
        Executor onContext = task -> own.runOnContext(ignored -> task.run());
        return Uni.createFrom().voidItem().emitOn(onContext).chain(() -> deliver(claimed, onContext));
    }

    private Uni<MessageStatus> deliver(Claimed claimed, Executor onContext) {
        return Panache.withSession(() -> messages.findById(claimed.messageId())).chain(message -> {
            if (message == null) {
                return Uni.createFrom().nullItem();
            }
            return send(message, onContext)
                    .emitOn(onContext)
                    .chain(inside -> Panache.withTransaction(() -> deliveries.markSent(message.id, inside)))
                    .map(marked -> MessageStatus.SENT)
                    .onFailure().recoverWithUni(failure -> Uni.createFrom().item(failure).emitOn(onContext)
                            .chain(f -> record(claimed, message, f)));
        }).onFailure().recoverWithUni(failure -> {
            // recording failed too (the database went away): the attempt stays SENDING and is taken again after its
            // timeout; the rest of the batch goes on
            LOG.errorf(failure, "Could not record the delivery of message %s", claimed.messageId());
            return Uni.createFrom().nullItem();
        });
    }

    /** Sends the message on its channel; the function is what the recording transaction does for it. */
    private Uni<Function<Message, Uni<?>>> send(Message message, Executor onContext) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Function<Message, Uni<?>> nothing = m -> Uni.createFrom().voidItem();
        return switch (message.channel) {
            case EMAIL -> Panache.withSession(() -> customers.findById(message.customerId)
                    .chain(customer -> queries.openItems(message.customerId)
                            .map(items -> (Supplier<byte[]>) () -> StatementPdf.render(name(customer, message),
                                    today, items))))
                    .chain(statement -> blocking(statement, onContext))
                    .chain(pdf -> email.send(message, pdf, today)).replaceWith(nothing);
            case SMS -> sms.send(message.recipient, message.textBody).replaceWith(nothing);
            case LETTER -> Panache.withSession(() -> customers.findById(message.customerId))
                    .chain(customer -> blocking(() -> LetterPdf.render(name(customer, message),
                            customer == null ? null : customer.billingAddress, today, message.subject,
                            message.textBody), onContext))
                    .map(pdf -> m -> storeLetter(m, pdf));
            case PHONE_TASK -> Uni.createFrom().item(m -> tasks.open(m));
        };
    }

    private Uni<Letter> storeLetter(Message message, byte[] pdf) {
        Letter letter = new Letter();
        letter.messageId = message.id;
        letter.customerId = message.customerId;
        letter.pdf = pdf;
        letter.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return letters.persist(letter);
    }

    private Uni<MessageStatus> record(Claimed claimed, Message message, Throwable failure) {
        DeliveryFailure classified = SmtpFailures.classify(failure);
        if (!(failure instanceof DeliveryFailure)) {
            LOG.warnf(failure, "Delivering message %s failed unexpectedly", message.id);
        }
        return Panache.withTransaction(() -> deliveries.markFailed(message.id, claimed.attempt(), classified))
                .invoke(status -> LOG.infof("Message %s (%s) attempt %d: %s, now %s", message.id, message.channel,
                        claimed.attempt(), classified.getMessage(), status));
    }

    /** PDF rendering is CPU work: off the event loop, then back on the worker's context for the database. */
    private static Uni<byte[]> blocking(Supplier<byte[]> render, Executor onContext) {
        return Uni.createFrom().item(render).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(onContext);
    }

    /** The addressee: the name the run put on the message (a letter's recipient), else the customer's legal name. */
    private static String name(DunningCustomer customer, Message message) {
        if (message.channel == Channel.LETTER && message.recipient != null) {
            return message.recipient;
        }
        return customer == null || customer.legalName == null ? "" : customer.legalName;
    }
}
