package io.receivables.disputes.dispute.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Actor;
import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.dispute.DisputeActivity;
import io.receivables.disputes.dispute.DisputeState;
import io.receivables.disputes.dispute.ReasonCode;
import io.receivables.disputes.dispute.repository.DisputeRepository;
import io.receivables.disputes.dispute.repository.DisputeSearch;
import io.receivables.disputes.receivable.InvoiceState;
import io.receivables.disputes.receivable.ReceivableInvoice;
import io.receivables.disputes.receivable.repository.ReceivableInvoiceLineRepository;
import io.receivables.disputes.receivable.repository.ReceivableInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * Opens a dispute on an invoice of this service's read model, in the caller's transaction: the invoice's row is locked
 * first, so that concurrent openings on it queue and never together dispute more than is open on it. Every refusal is
 * thrown before anything is written.
 */
@ApplicationScoped
public class DisputeOpening {

    private final ReceivableInvoiceRepository invoices;
    private final ReceivableInvoiceLineRepository lines;
    private final DisputeRepository disputes;
    private final DisputeSearch search;
    private final Routing routing;
    private final Activities activities;
    private final DisputeEvents events;
    private final OpeningSteps steps;
    private final Clock clock;

    @Inject
    public DisputeOpening(ReceivableInvoiceRepository invoices, ReceivableInvoiceLineRepository lines,
            DisputeRepository disputes, DisputeSearch search, Routing routing, Activities activities,
            DisputeEvents events, OpeningSteps steps, Clock clock) {
        this.invoices = invoices;
        this.lines = lines;
        this.disputes = disputes;
        this.search = search;
        this.routing = routing;
        this.activities = activities;
        this.events = events;
        this.steps = steps;
        this.clock = clock;
    }

    /**
     * @param customerScope the customer a portal caller is confined to: another customer's invoice is refused as one
     *        that does not exist
     */
    public Uni<Dispute> open(Actor actor, Optional<UUID> customerScope, OpenDispute command) {
        return invoices.lock(command.invoiceId()).chain(invoice -> {
            if (invoice == null || customerScope.filter(own -> !own.equals(invoice.customerId)).isPresent()) {
                throw ProblemException.unknownReference("invoiceId", "no invoice " + command.invoiceId()
                        + " is known here (disputes know an invoice once invoicing published it)");
            }
            checkAgainst(invoice, command);
            return lines.numbers(invoice.id).invoke(known -> checkLines(command.disputedLines(), known))
                    .chain(() -> search.activeAmount(invoice.id, null))
                    .chain(held -> {
                        BigDecimal available = invoice.openAmount.subtract(held).max(BigDecimal.ZERO);
                        if (command.disputedAmount().compareTo(available) > 0) {
                            throw ProblemException.invalid("disputedAmount", "is more than the "
                                    + Currencies.format(available, invoice.currency) + " " + invoice.currency
                                    + " that can still be disputed on invoice " + invoice.number + " (open "
                                    + Currencies.format(invoice.openAmount, invoice.currency) + ", held by its other"
                                    + " active disputes " + Currencies.format(held, invoice.currency) + ")");
                        }
                        return persist(actor, invoice, command);
                    });
        });
    }

    /** What can be checked on the locked invoice alone: its state and currency, the amount's minor units. */
    private static void checkAgainst(ReceivableInvoice invoice, OpenDispute command) {
        if (invoice.state != InvoiceState.OPEN) {
            throw new ProblemException(ProblemType.INVOICE_NOT_DISPUTABLE, "invoice " + invoice.number + " was "
                    + (invoice.state == InvoiceState.VOIDED ? "voided" : "written off")
                    + ": nothing on it can be disputed", List.of(new FieldError("invoiceId", "is " + invoice.state)));
        }
        if (invoice.openAmount.signum() == 0) {
            throw new ProblemException(ProblemType.INVOICE_NOT_DISPUTABLE, "invoice " + invoice.number
                    + " is paid or credited in full: nothing on it is open to dispute",
                    List.of(new FieldError("invoiceId", "has nothing open")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (command.currency() != null && !command.currency().equals(invoice.currency)) {
            errors.add(new FieldError("currency", "is " + command.currency() + " but invoice " + invoice.number
                    + " is in " + invoice.currency));
        }
        int minorUnits = Currencies.minorUnits(invoice.currency);
        if (command.disputedAmount().stripTrailingZeros().scale() > minorUnits) {
            errors.add(new FieldError("disputedAmount", "has more decimals than " + invoice.currency
                    + " has minor units (" + minorUnits + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Each named line must be one of the invoice's, when its invoice-issued carried lines. */
    static void checkLines(List<Integer> named, List<Integer> known) {
        if (named.isEmpty() || known.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            if (!known.contains(named.get(i))) {
                errors.add(new FieldError("disputedLines[" + i + "]", "the invoice has no line " + named.get(i)
                        + " (its lines are " + known + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * A CHARGEBACK dispute the platform opens for what a charged-back payment had paid on an invoice, in the consumer's
     * transaction: at most what can still be disputed on it (nothing: none is opened), once per payment and invoice.
     * {@code evidenceDueAt} is the gateway's deadline for evidence against it (null: none given); the SLA follows it.
     */
    public Uni<Dispute> openChargeback(Actor actor, UUID invoiceId, UUID paymentId, BigDecimal amount,
            String description, Instant evidenceDueAt) {
        return disputes.find("paymentId = ?1 and invoiceId = ?2", paymentId, invoiceId).firstResult()
                .chain(existing -> existing != null ? Uni.createFrom().<Dispute> nullItem()
                        : invoices.lock(invoiceId).chain(invoice -> invoice == null ? Uni.createFrom().<Dispute> nullItem()
                                : search.activeAmount(invoiceId, null).chain(held -> {
                                    BigDecimal available = invoice.openAmount.subtract(held).max(BigDecimal.ZERO);
                                    BigDecimal disputed = Currencies.round(amount.min(available), invoice.currency);
                                    if (invoice.state != InvoiceState.OPEN || disputed.signum() == 0) {
                                        return Uni.createFrom().<Dispute> nullItem();
                                    }
                                    OpenDispute command = new OpenDispute(invoiceId, disputed, invoice.currency, List.of(),
                                            ReasonCode.CHARGEBACK, description, null);
                                    return persist(actor, invoice, command, paymentId, evidenceDueAt);
                                })));
    }

    private Uni<Dispute> persist(Actor actor, ReceivableInvoice invoice, OpenDispute command) {
        return persist(actor, invoice, command, null, null);
    }

    private Uni<Dispute> persist(Actor actor, ReceivableInvoice invoice, OpenDispute command, UUID paymentId,
            Instant evidenceDueAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Routing.Route route = routing.route(command.reasonCode(), command.disputedAmount(), invoice.currency);
        Dispute dispute = new Dispute();
        dispute.id = UUID.randomUUID();
        dispute.invoiceId = invoice.id;
        dispute.invoiceNumber = invoice.number;
        dispute.customerId = invoice.customerId;
        dispute.currency = invoice.currency;
        dispute.disputedAmount = Currencies.round(command.disputedAmount(), invoice.currency);
        dispute.disputedLines = List.copyOf(new TreeSet<>(command.disputedLines()));
        dispute.reasonCode = command.reasonCode();
        dispute.description = FreeText.optional(command.description());
        OpenDispute.Contact contact = command.contact();
        if (contact != null) {
            dispute.contactName = FreeText.optional(contact.name());
            dispute.contactEmail = FreeText.optional(contact.email());
            dispute.contactPhone = FreeText.optional(contact.phone());
        }
        dispute.state = DisputeState.OPEN;
        dispute.team = route.team();
        dispute.owner = route.owner();
        dispute.openedAt = now;
        dispute.openedBy = actor.displayName();
        dispute.updatedAt = now;
        dispute.paymentId = paymentId;
        dispute.evidenceDueAt = evidenceDueAt == null ? null : evidenceDueAt.truncatedTo(ChronoUnit.MICROS);
        // the steps fill fields before the insert: a change after it would be a second write, raising the version
        return steps.opened(dispute).chain(() -> disputes.persist(dispute))
                .call(() -> activities.record(dispute, DisputeActivity.Kind.OPENED, actor, now, null,
                        DisputeState.OPEN, null))
                .call(() -> events.opened(actor, dispute)).call(() -> disputes.flush());
    }

    /** Whether a user may open a dispute with this reason: a chargeback is opened by the platform only. */
    public static boolean userMayOpen(ReasonCode reason) {
        return reason != ReasonCode.CHARGEBACK;
    }
}
