package io.receivables.dunning.escalation.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.money.Currencies;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.AccountEscalated;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.EscalationRecalled;
import io.receivables.dunning.escalation.EscalatedAccount;
import io.receivables.dunning.escalation.EscalationInvoice;
import io.receivables.dunning.escalation.EscalationStatus;
import io.receivables.dunning.escalation.repository.EscalatedAccountRepository;
import io.receivables.dunning.escalation.repository.EscalationInvoiceRepository;
import io.receivables.dunning.policy.Escalation;
import io.smallrye.mutiny.Uni;

/**
 * Hands a customer's invoices to an agency or to legal when a step says so: records the escalation and publishes
 * account-escalated, in the CALLER's transaction (the run's, with the step's actions). From then on {@code Holds} holds
 * those invoices until the escalation is recalled ({@link #recall}, escalation-recalled).
 */
@ApplicationScoped
public class Escalations {

    static final String AGGREGATE = "escalation";

    public record EscalatedInvoice(UUID invoiceId, String invoiceNumber, BigDecimal amount) {
    }

    public record Escalate(UUID runId, UUID customerId, Escalation to, int stepNumber, String currency,
            List<EscalatedInvoice> invoices, String reason) {

        public Escalate {
            invoices = List.copyOf(invoices);
        }
    }

    private final EscalatedAccountRepository escalations;
    private final EscalationInvoiceRepository escalationInvoices;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Inject
    public Escalations(EscalatedAccountRepository escalations, EscalationInvoiceRepository escalationInvoices,
            OutboxWriter outbox, Clock clock) {
        this.escalations = escalations;
        this.escalationInvoices = escalationInvoices;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The escalation's id. Called again for the same run, customer, step and currency (a retried run), it returns the
     * escalation made the first time and publishes nothing more.
     *
     * Fails with IllegalArgumentException without invoices, with an invoice twice, or with nothing above zero to
     * escalate: the caller's error, not the customer's.
     */
    public Uni<UUID> escalate(Actor actor, Escalate command) {
        if (command.invoices().isEmpty()) {
            return Uni.createFrom().failure(new IllegalArgumentException("an escalation names at least one invoice"));
        }
        if (new HashSet<>(command.invoices().stream().map(EscalatedInvoice::invoiceId).toList()).size() != command
                .invoices().size()) {
            return Uni.createFrom().failure(new IllegalArgumentException("an invoice is named twice in an escalation"));
        }
        BigDecimal amount = Currencies.round(command.invoices().stream().map(EscalatedInvoice::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add), command.currency());
        if (amount.signum() <= 0) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException("nothing to escalate: the invoices' amounts add up to " + amount));
        }
        return escalations.made(command.runId(), command.customerId(), command.stepNumber(), command.currency())
                .chain(made -> made != null ? Uni.createFrom().item(made.id) : record(actor, command, amount));
    }

    private Uni<UUID> record(Actor actor, Escalate command, BigDecimal amount) {
        Instant now = now();
        EscalatedAccount escalation = new EscalatedAccount();
        escalation.id = UUID.randomUUID();
        escalation.customerId = command.customerId();
        escalation.runId = command.runId();
        escalation.level = command.to();
        escalation.stepNumber = command.stepNumber();
        escalation.currency = command.currency();
        escalation.amount = amount;
        escalation.reason = FreeText.optional(command.reason());
        escalation.status = EscalationStatus.ACTIVE;
        escalation.escalatedAt = now;
        escalation.escalatedBy = actor.id();
        escalation.version = 1;
        List<EscalationInvoice> rows = command.invoices().stream().map(invoice -> {
            EscalationInvoice row = new EscalationInvoice();
            row.escalationId = escalation.id;
            row.invoiceId = invoice.invoiceId();
            row.invoiceNumber = invoice.invoiceNumber();
            row.amount = Currencies.round(invoice.amount(), command.currency());
            return row;
        }).toList();
        AccountEscalated event = new AccountEscalated(escalation.id, escalation.customerId, level(escalation.level),
                command.invoices().stream().map(EscalatedInvoice::invoiceId).toList(), escalation.currency, amount,
                escalation.reason, now);
        return escalations.persist(escalation).chain(() -> escalationInvoices.persist(rows))
                .chain(() -> outbox.append(actor, AGGREGATE, event)).chain(() -> escalations.flush())
                .map(ignored -> escalation.id);
    }

    /** Takes the escalation back: RECALLED, escalation-recalled published; its invoices are dunned again. */
    public Uni<EscalationView> recall(Actor actor, UUID id, ExpectedVersion expected, String reason) {
        return escalations.lock(id).chain(escalation -> {
            if (escalation == null) {
                throw unknown(id);
            }
            IfMatch.check(expected, escalation.version, "Escalation " + id);
            if (escalation.status != EscalationStatus.ACTIVE) {
                throw new ProblemException(ProblemType.CONFLICT, "escalation " + id + " was recalled already",
                        List.of());
            }
            escalation.status = EscalationStatus.RECALLED;
            escalation.recalledAt = now();
            escalation.recalledBy = actor.id();
            escalation.recallReason = FreeText.optional(reason);
            escalation.version++;
            return escalationInvoices.of(id).chain(invoices -> outbox.append(actor, AGGREGATE,
                    new EscalationRecalled(id, escalation.customerId, level(escalation.level),
                            invoices.stream().map(i -> i.invoiceId).sorted().toList(), escalation.recallReason,
                            escalation.recalledAt),
                    AuditSummary.of().change("status", EscalationStatus.ACTIVE, EscalationStatus.RECALLED))
                    .chain(() -> escalations.flush()).map(ignored -> new EscalationView(escalation, invoices)));
        });
    }

    @WithSession
    public Uni<EscalationView> get(UUID id) {
        return escalations.findById(id).onItem().ifNull().failWith(() -> unknown(id))
                .chain(escalation -> escalationInvoices.of(id)
                        .map(invoices -> new EscalationView(escalation, invoices)));
    }

    @WithSession
    public Uni<Page<EscalationView>> list(UUID customerId, EscalationStatus status, String cursor, int limit) {
        return escalations.page(customerId, status, cursor, limit).chain(page -> {
            List<UUID> ids = page.items().stream().map(e -> e.id).toList();
            Uni<List<EscalationInvoice>> all = ids.isEmpty() ? Uni.createFrom().item(List.of())
                    : escalationInvoices.list("escalationId in ?1", ids);
            return all.map(rows -> {
                Map<UUID, List<EscalationInvoice>> byEscalation = rows.stream()
                        .sorted(Comparator.comparing((EscalationInvoice i) -> i.invoiceNumber))
                        .collect(Collectors.groupingBy(i -> i.escalationId));
                return new Page<>(page.items().stream()
                        .map(e -> new EscalationView(e, byEscalation.getOrDefault(e.id, List.of()))).toList(),
                        page.nextCursor());
            });
        });
    }

    /** The contract's level: an agency is an external collection agency. */
    static AccountEscalated.Level level(Escalation to) {
        return switch (to) {
            case AGENCY -> AccountEscalated.Level.EXTERNAL_AGENCY;
            case LEGAL -> AccountEscalated.Level.LEGAL;
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException unknown(UUID id) {
        return ProblemException.notFound("No escalation " + id);
    }
}
