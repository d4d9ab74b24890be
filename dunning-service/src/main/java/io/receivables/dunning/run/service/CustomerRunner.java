package io.receivables.dunning.run.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.escalation.service.Escalations;
import io.receivables.dunning.interest.BalanceChange;
import io.receivables.dunning.interest.config.InterestConfig;
import io.receivables.dunning.interest.service.InterestQuotes.JurisdictionChoice;
import io.receivables.dunning.interest.service.LateFeeAssessments;
import io.receivables.dunning.interest.service.LateFeeAssessments.AssessLateFees;
import io.receivables.dunning.message.Message;
import io.receivables.dunning.message.MessageInvoice;
import io.receivables.dunning.message.MessageStatus;
import io.receivables.dunning.message.repository.MessageInvoiceRepository;
import io.receivables.dunning.message.repository.MessageRepository;
import io.receivables.dunning.receivable.DunningCustomer;
import io.receivables.dunning.run.CustomerPlan;
import io.receivables.dunning.run.DueStep;
import io.receivables.dunning.run.DunningRun;
import io.receivables.dunning.run.PaymentReferences;
import io.receivables.dunning.run.PlannedMessage;
import io.receivables.dunning.run.RunOutcome;
import io.receivables.dunning.run.repository.DunningRunRepository;
import io.receivables.dunning.template.BankDetails;
import io.receivables.dunning.template.Channel;
import io.receivables.dunning.template.MessageFacts;
import io.receivables.dunning.template.service.Templates;
import io.smallrye.mutiny.Uni;

/**
 * Processes one claimed customer of a run in the CALLER's transaction (the worker's, one per customer): decides, records
 * its (invoice, step) actions first (a duplicate key, another replica's or run's, fails the transaction before
 * anything else is written), charges the steps' fees and interest, renders and writes one message per channel and
 * currency, escalates, records the skips and marks the customer done. All of it commits together or not at all.
 */
@ApplicationScoped
public class CustomerRunner {

    /** Who processes runs, on every replica, whoever started them. */
    public static final Actor ACTOR = Actor.system("dunning-run");
    static final String DEFAULT_LANGUAGE = "en";

    private final CustomerDecisions decisions;
    private final DunningRunRepository runs;
    private final LateFeeAssessments fees;
    private final Escalations escalations;
    private final Templates templates;
    private final MessageRepository messages;
    private final MessageInvoiceRepository messageInvoices;
    private final BankDetails bank;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String replyTo;
    private final InterestConfig interest;

    @Inject
    public CustomerRunner(CustomerDecisions decisions, DunningRunRepository runs, LateFeeAssessments fees,
            Escalations escalations, Templates templates, MessageRepository messages,
            MessageInvoiceRepository messageInvoices, BankDetails bank, AuditLog audit, ObjectMapper mapper,
            Clock clock, InterestConfig interest,
            @ConfigProperty(name = "receivables.dunning.mail.reply-to") String replyTo) {
        this.interest = interest;
        this.decisions = decisions;
        this.runs = runs;
        this.fees = fees;
        this.escalations = escalations;
        this.templates = templates;
        this.messages = messages;
        this.messageInvoices = messageInvoices;
        this.bank = bank;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
        this.replyTo = replyTo;
    }

    /** What one invoice was charged at its step (zero when its step charges nothing). */
    private record Charged(BigDecimal fees, BigDecimal interest) {
    }

    public Uni<RunOutcome> process(DunningRun run, UUID customerId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return decisions.decide(customerId, run.asOf).chain(decision -> {
            CustomerPlan plan = decision.plan();
            if (plan.messages().isEmpty()) {
                return runs.recordSkips(run.id, customerId, plan.skipped())
                        .chain(() -> runs.markDone(run.id, customerId, decision.outcome(), null))
                        .replaceWith(decision.outcome());
            }
            Map<PlannedMessage, UUID> ids = new LinkedHashMap<>();
            plan.messages().forEach(message -> ids.put(message, UUID.randomUUID()));
            List<DueStep> actioned = plan.actioned();
            Map<UUID, Charged> charged = new HashMap<>();
            return actions(run, decision, ids, actioned, now)
                    .chain(() -> charge(run, decision.customer(), actioned, decision.policy().version().currency,
                            charged))
                    .chain(() -> write(run, decision.customer(), ids, charged, now))
                    .chain(() -> escalate(run, customerId, actioned))
                    .chain(() -> runs.recordSkips(run.id, customerId, plan.skipped()))
                    .chain(() -> audit.record(ACTOR, "remindCustomer", "customer", customerId,
                            AuditSummary.of().value("runId", run.id).value("asOf", run.asOf)
                                    .value("messages", ids.size())
                                    .value("invoiceSteps", actioned.stream()
                                            .map(due -> due.item().invoiceNumber() + ":" + due.step().number())
                                            .toList())))
                    .chain(() -> runs.markDone(run.id, customerId, RunOutcome.MESSAGED, null))
                    .replaceWith(RunOutcome.MESSAGED);
        });
    }

    /** Each (invoice, step) once for good, with the messages that name it; first, so a duplicate fails early. */
    private Uni<Void> actions(DunningRun run, CustomerDecision decision, Map<PlannedMessage, UUID> ids,
            List<DueStep> actioned, Instant now) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (DueStep due : actioned) {
            List<UUID> messageIds = ids.entrySet().stream()
                    .filter(e -> e.getKey().invoices().stream()
                            .anyMatch(named -> named.item().invoiceId().equals(due.item().invoiceId())))
                    .map(Map.Entry::getValue).toList();
            written = written.chain(() -> runs.insertAction(due.item().invoiceId(), due.step().number(), run.id,
                    decision.customer().id, decision.policy().policy().id, decision.policy().version().version,
                    messageIds, now)).replaceWithVoid();
        }
        return written;
    }

    /**
     * The steps' fees and interest, exactly once per (invoice, step) (LateFeeAssessments). A fee invoice is reminded
     * but never charged; the fixed fee applies to invoices in the policy's currency only (no exchange rates); a step
     * without statutory interest is assessed on a zero balance, so it charges its fee (and the compensation, once per
     * invoice where the jurisdiction has one) but no interest.
     */
    private Uni<Void> charge(DunningRun run, DunningCustomer customer, List<DueStep> actioned, String policyCurrency,
            Map<UUID, Charged> charged) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (DueStep due : actioned) {
            var item = due.item();
            BigDecimal fee = due.step().fee() != null && item.currency().equals(policyCurrency) ? due.step().fee()
                    : BigDecimal.ZERO;
            boolean charges = fee.signum() > 0 || due.step().assessInterest();
            if (item.feeInvoice() || !charges || !run.asOf.isAfter(item.dueDate())) {
                continue;
            }
            BigDecimal base = due.step().assessInterest() ? item.collectableAmount() : BigDecimal.ZERO;
            AssessLateFees command = new AssessLateFees(item.invoiceId(), due.step().number(), customer.id,
                    jurisdiction(customer), item.currency(), item.dueDate(), run.asOf,
                    List.of(new BalanceChange(item.dueDate(), Currencies.round(base, item.currency()))),
                    Currencies.round(fee, item.currency()), false);
            done = done.chain(() -> fees.assess(ACTOR, command).invoke(assessed -> assessed.ifPresent(a -> charged
                    .put(item.invoiceId(), new Charged(a.assessment().stepFee.add(a.assessment().compensation),
                            a.assessment().interest)))))
                    .replaceWithVoid();
        }
        return done;
    }

    private Uni<Void> write(DunningRun run, DunningCustomer customer, Map<PlannedMessage, UUID> ids,
            Map<UUID, Charged> charged, Instant now) {
        String language = customer.language == null ? DEFAULT_LANGUAGE : customer.language;
        String reference = PaymentReferences.of(customer.id);
        Uni<Void> written = Uni.createFrom().voidItem();
        for (Map.Entry<PlannedMessage, UUID> entry : ids.entrySet()) {
            PlannedMessage planned = entry.getKey();
            String currency = planned.currency();
            BigDecimal fees = BigDecimal.ZERO;
            BigDecimal interest = BigDecimal.ZERO;
            List<MessageFacts.Invoice> lines = new ArrayList<>();
            for (DueStep due : planned.invoices()) {
                Charged c = charged.get(due.item().invoiceId());
                if (c != null) {
                    fees = fees.add(c.fees());
                    interest = interest.add(c.interest());
                }
                lines.add(new MessageFacts.Invoice(due.item().invoiceNumber(), due.item().issueDate(),
                        due.effectiveDueDate(), due.item().openAmount(), due.item().disputedAmount()));
            }
            BigDecimal totalFees = Currencies.round(fees, currency);
            BigDecimal totalInterest = Currencies.round(interest, currency);
            MessageFacts facts = new MessageFacts(customer.legalName == null ? "" : customer.legalName, currency,
                    lines, totalFees, totalInterest, reference);
            written = written.chain(() -> templates.render(planned.templateKey(), planned.channel(), language,
                    facts.model(Templates.primaryLanguage(language), run.asOf, bank)).chain(rendered -> {
                        Message message = new Message();
                        message.id = entry.getValue();
                        message.runId = run.id;
                        message.customerId = customer.id;
                        message.channel = planned.channel();
                        message.templateKey = planned.templateKey();
                        message.language = rendered.language();
                        message.stepNumber = planned.highestStep().number();
                        message.recipient = planned.recipient();
                        message.replyTo = planned.channel() == Channel.EMAIL ? replyTo : null;
                        message.currency = currency;
                        message.amountDue = Currencies.round(planned.amountDue(), currency);
                        message.fees = totalFees;
                        message.interest = totalInterest;
                        message.paymentReference = reference;
                        message.subject = rendered.parts().get("subject");
                        message.textBody = rendered.parts().get("text");
                        message.htmlBody = rendered.parts().get("html");
                        message.status = MessageStatus.QUEUED;
                        message.attempts = 0;
                        message.nextAttemptAt = now;
                        message.createdAt = now;
                        return messages.persist(message).chain(() -> lines(message, planned));
                    }));
        }
        return written.chain(messages::flush);
    }

    private Uni<Void> lines(Message message, PlannedMessage planned) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (DueStep due : planned.invoices()) {
            MessageInvoice line = new MessageInvoice();
            line.messageId = message.id;
            line.invoiceId = due.item().invoiceId();
            line.invoiceNumber = due.item().invoiceNumber();
            line.stepNumber = due.step().number();
            line.dueDate = due.effectiveDueDate();
            line.daysOverdue = (int) Math.max(0, due.daysPastDue());
            line.openAmount = due.item().openAmount();
            line.disputedAmount = due.item().disputedAmount();
            line.amountDue = due.item().collectableAmount();
            written = written.chain(() -> messageInvoices.persist(line)).replaceWithVoid();
        }
        return written;
    }

    /** A step with an escalation hands its invoices over, one escalation per step and currency. */
    private Uni<Void> escalate(DunningRun run, UUID customerId, List<DueStep> actioned) {
        record Key(int step, String currency) {
        }
        Map<Key, List<DueStep>> groups = new LinkedHashMap<>();
        actioned.stream().filter(due -> due.step().escalation() != null).forEach(due -> groups
                .computeIfAbsent(new Key(due.step().number(), due.item().currency()), k -> new ArrayList<>()).add(due));
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Map.Entry<Key, List<DueStep>> group : groups.entrySet()) {
            DueStep first = group.getValue().getFirst();
            Escalations.Escalate command = new Escalations.Escalate(run.id, customerId, first.step().escalation(),
                    group.getKey().step(), group.getKey().currency(), group.getValue().stream()
                            .map(due -> new Escalations.EscalatedInvoice(due.item().invoiceId(),
                                    due.item().invoiceNumber(), due.item().collectableAmount()))
                            .toList(),
                    "dunning step " + group.getKey().step() + " of run " + run.id);
            done = done.chain(() -> escalations.escalate(ACTOR, command)).replaceWithVoid();
        }
        return done;
    }

    /** The customer's billing country picks the interest rules (else the default jurisdiction). */
    private JurisdictionChoice jurisdiction(DunningCustomer customer) {
        if (customer.billingAddress != null) {
            try {
                JsonNode country = mapper.readTree(customer.billingAddress).get("country");
                if (country != null && country.isTextual()) {
                    return JurisdictionChoice.country(country.asText());
                }
            } catch (java.io.IOException e) {
                // an address the read model stored from a checked event is JSON; fall through to the default
            }
        }
        return JurisdictionChoice.code(interest.defaultJurisdiction());
    }

}
