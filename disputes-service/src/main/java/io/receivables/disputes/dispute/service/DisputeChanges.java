package io.receivables.disputes.dispute.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Actor;
import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.dispute.DisputeActivity;
import io.receivables.disputes.dispute.DisputeState;
import io.receivables.disputes.dispute.DisputeTransitions;
import io.receivables.disputes.dispute.Outcome;
import io.receivables.disputes.dispute.repository.DisputeRepository;
import io.receivables.disputes.dispute.repository.DisputeSearch;
import io.receivables.disputes.receivable.repository.ReceivableInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * Every change of a dispute after its opening, in the caller's transaction: its row is locked, the client's If-Match
 * checked against its version, the workflow (DisputeTransitions) asked, and then the change, its timeline entry and its
 * event are written together. Of two concurrent changes the second waits for the lock and then fails its If-Match
 * (412), or, with If-Match *, finds the dispute changed (409 when the change no longer applies).
 */
@ApplicationScoped
public class DisputeChanges {

    private final DisputeRepository disputes;
    private final DisputeSearch search;
    private final ReceivableInvoiceRepository invoices;
    private final Activities activities;
    private final DisputeEvents events;
    private final OpeningSteps steps;
    private final Clock clock;
    private final int reopenWindowDays;

    @Inject
    public DisputeChanges(DisputeRepository disputes, DisputeSearch search, ReceivableInvoiceRepository invoices,
            Activities activities, DisputeEvents events, OpeningSteps steps, Clock clock,
            @ConfigProperty(name = "receivables.disputes.reopen-window-days", defaultValue = "30") int reopenWindowDays) {
        this.disputes = disputes;
        this.search = search;
        this.invoices = invoices;
        this.activities = activities;
        this.events = events;
        this.steps = steps;
        this.clock = clock;
        this.reopenWindowDays = reopenWindowDays;
    }

    /** A move between the active states of the workflow (review and the two waits); publishes dispute-updated. */
    public Uni<Dispute> transition(Actor actor, Optional<UUID> scope, UUID id, ExpectedVersion expected,
            DisputeState to) {
        return flushed(locked(id, scope, expected).chain(dispute -> {
            DisputeState from = dispute.state;
            DisputeTransitions.requireWorkflowMove(from, to);
            Instant now = now();
            moved(dispute, to, now);
            return activities.record(dispute, DisputeActivity.Kind.STATE_CHANGED, actor, now, from, to, null)
                    .call(() -> events.stateChanged(actor, dispute, from)).replaceWith(dispute);
        }));
    }

    /** Another team or owner (owner null: back to the team's queue); publishes dispute-updated. */
    public Uni<Dispute> assign(Actor actor, Optional<UUID> scope, UUID id, ExpectedVersion expected, String team,
            String owner) {
        return flushed(locked(id, scope, expected).chain(dispute -> {
            if (!dispute.state.active()) {
                throw new ProblemException(ProblemType.CONFLICT, "dispute " + id + " is " + dispute.state
                        + ": an ended dispute is not assigned (reopen it first)", List.of());
            }
            String previousTeam = dispute.team;
            String previousOwner = dispute.owner;
            if (previousTeam.equals(team) && Objects.equals(previousOwner, owner)) {
                return Uni.createFrom().item(dispute);
            }
            Instant now = now();
            dispute.team = team;
            dispute.owner = owner;
            dispute.updatedAt = now;
            String note = "from " + previousTeam + (previousOwner == null ? "" : " / " + previousOwner);
            return activities.record(dispute, DisputeActivity.Kind.ASSIGNED, actor, now, null, null, note)
                    .call(() -> events.assigned(actor, dispute, previousTeam, previousOwner)).replaceWith(dispute);
        }));
    }

    /**
     * The outcome: CUSTOMER_FAVOUR credits the disputed amount, PARTIAL a positive amount below it, COMPANY_FAVOUR
     * nothing. Publishes dispute-resolved, on which invoicing credits the customer.
     */
    public Uni<Dispute> resolve(Actor actor, Optional<UUID> scope, UUID id, ExpectedVersion expected, Resolve command) {
        return flushed(locked(id, scope, expected).chain(dispute -> {
            DisputeTransitions.require(dispute.state, DisputeState.RESOLVED);
            BigDecimal credited = credited(dispute, command);
            return end(actor, dispute, DisputeState.RESOLVED, command.outcome(), credited, command.note(),
                    DisputeActivity.Kind.RESOLVED);
        }));
    }

    /** The customer takes the dispute back: publishes dispute-resolved with outcome WITHDRAWN, nothing credited. */
    public Uni<Dispute> withdraw(Actor actor, Optional<UUID> scope, UUID id, ExpectedVersion expected, String note) {
        return flushed(locked(id, scope, expected).chain(dispute -> {
            DisputeTransitions.require(dispute.state, DisputeState.WITHDRAWN);
            return end(actor, dispute, DisputeState.WITHDRAWN, Outcome.WITHDRAWN, BigDecimal.ZERO, note,
                    DisputeActivity.Kind.WITHDRAWN);
        }));
    }

    /**
     * Back to UNDER_REVIEW, within the reopening window after its resolution, when the resolution credited nothing
     * (COMPANY_FAVOUR); disputing again at most what is open on the invoice now beside its other active disputes.
     * Publishes dispute-reopened.
     */
    public Uni<Dispute> reopen(Actor actor, Optional<UUID> scope, UUID id, ExpectedVersion expected, String reason) {
        // the dispute's lock, then its invoice's (as an opening takes it): no path locks them the other way round, and
        // openings and reopenings on one invoice queue on the invoice's row
        return flushed(locked(id, scope, expected).chain(dispute -> {
            if (dispute.state != DisputeState.RESOLVED) {
                throw new ProblemException(ProblemType.CONFLICT, "dispute " + id + " is " + dispute.state
                        + ": only a resolved dispute is reopened", List.of());
            }
            if (dispute.creditedAmount != null && dispute.creditedAmount.signum() > 0) {
                throw new ProblemException(ProblemType.DISPUTE_CREDITED, "dispute " + id + " was resolved "
                        + dispute.outcome + " and credited " + Currencies.format(dispute.creditedAmount,
                                dispute.currency)
                        + " " + dispute.currency + ": it cannot be reopened; open a new dispute for what is still"
                        + " contested", List.of());
            }
            DisputeTransitions.require(dispute.state, DisputeState.UNDER_REVIEW);
            Instant now = now();
            Instant windowEnd = dispute.resolvedAt.plus(Duration.ofDays(reopenWindowDays));
            if (now.isAfter(windowEnd)) {
                throw new ProblemException(ProblemType.CONFLICT, "dispute " + id + " was resolved at "
                        + dispute.resolvedAt + "; it could be reopened for " + reopenWindowDays + " days, until "
                        + windowEnd + ": open a new dispute instead", List.of());
            }
            return invoices.lock(dispute.invoiceId).chain(invoice -> search.activeAmount(dispute.invoiceId, dispute.id)
                    .chain(held -> {
                        BigDecimal available = invoice == null ? BigDecimal.ZERO
                                : invoice.openAmount.subtract(held).max(BigDecimal.ZERO);
                        if (available.signum() == 0) {
                            throw new ProblemException(ProblemType.CONFLICT, "nothing is open on invoice "
                                    + dispute.invoiceNumber + " beside its other active disputes: there is nothing"
                                    + " to dispute again", List.of());
                        }
                        dispute.disputedAmount = Currencies.round(dispute.disputedAmount.min(available),
                                dispute.currency);
                        dispute.state = DisputeState.UNDER_REVIEW;
                        dispute.outcome = null;
                        dispute.creditedAmount = null;
                        dispute.resolutionNote = null;
                        dispute.resolvedAt = null;
                        dispute.reopenedCount++;
                        dispute.updatedAt = now;
                        return steps.reopened(dispute, now).chain(() -> activities.record(dispute,
                                DisputeActivity.Kind.REOPENED, actor, now,
                                DisputeState.RESOLVED, DisputeState.UNDER_REVIEW, reason)
                                .call(() -> events.reopened(actor, dispute, reason, now))).replaceWith(dispute);
                    }));
        }));
    }

    private Uni<Dispute> end(Actor actor, Dispute dispute, DisputeState to, Outcome outcome, BigDecimal credited,
            String note, DisputeActivity.Kind kind) {
        DisputeState from = dispute.state;
        Instant now = now();
        moved(dispute, to, now);
        dispute.outcome = outcome;
        dispute.creditedAmount = Currencies.round(credited, dispute.currency);
        dispute.resolutionNote = FreeText.optional(note);
        dispute.resolvedAt = now;
        return activities.record(dispute, kind, actor, now, from, to, dispute.resolutionNote)
                .call(() -> events.resolved(actor, dispute, from)).replaceWith(dispute);
    }

    /** The state change itself; the first move out of OPEN other than a withdrawal is the first response. */
    private static void moved(Dispute dispute, DisputeState to, Instant now) {
        if (dispute.state == DisputeState.OPEN && to != DisputeState.WITHDRAWN && dispute.firstResponseAt == null) {
            dispute.firstResponseAt = now;
        }
        dispute.state = to;
        dispute.updatedAt = now;
    }

    /** What the outcome credits; 400 naming creditedAmount when it does not fit the outcome. */
    static BigDecimal credited(Dispute dispute, Resolve command) {
        BigDecimal amount = command.creditedAmount();
        return switch (command.outcome()) {
            case CUSTOMER_FAVOUR -> {
                if (amount != null && amount.compareTo(dispute.disputedAmount) != 0) {
                    throw ProblemException.invalid("creditedAmount", "must be the disputed amount "
                            + Currencies.format(dispute.disputedAmount, dispute.currency) + " (or left out) for"
                            + " CUSTOMER_FAVOUR; a smaller credit is PARTIAL");
                }
                yield dispute.disputedAmount;
            }
            case PARTIAL -> {
                if (amount == null) {
                    throw ProblemException.invalid("creditedAmount", "is required for PARTIAL");
                }
                if (amount.signum() <= 0 || amount.compareTo(dispute.disputedAmount) >= 0) {
                    throw ProblemException.invalid("creditedAmount", "must be more than zero and less than the"
                            + " disputed amount " + Currencies.format(dispute.disputedAmount, dispute.currency)
                            + " for PARTIAL");
                }
                int minorUnits = Currencies.minorUnits(dispute.currency);
                if (amount.stripTrailingZeros().scale() > minorUnits) {
                    throw ProblemException.invalid("creditedAmount", "has more decimals than " + dispute.currency
                            + " has minor units (" + minorUnits + ")");
                }
                yield amount;
            }
            case COMPANY_FAVOUR -> {
                if (amount != null && amount.signum() != 0) {
                    throw ProblemException.invalid("creditedAmount", "must be zero (or left out) for COMPANY_FAVOUR");
                }
                yield BigDecimal.ZERO;
            }
            case WITHDRAWN -> throw new ProblemException(ProblemType.VALIDATION,
                    "outcome: WITHDRAWN is not a resolution; POST /disputes/{id}/withdrawal withdraws a dispute",
                    List.of(new FieldError("outcome", "WITHDRAWN is the withdrawal's outcome, not a resolution's")));
        };
    }

    /** The change flushed, so that the dispute's version (its ETag) is the one it commits with. */
    private Uni<Dispute> flushed(Uni<Dispute> change) {
        return change.call(() -> disputes.flush());
    }

    /** The dispute, row-locked, visible to the caller, at a version its If-Match allows. */
    private Uni<Dispute> locked(UUID id, Optional<UUID> scope, ExpectedVersion expected) {
        return disputes.lock(id).map(dispute -> {
            if (dispute == null || scope.filter(own -> !own.equals(dispute.customerId)).isPresent()) {
                throw notFound(id);
            }
            IfMatch.check(expected, dispute.version, "dispute " + id);
            return dispute;
        });
    }

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("no dispute " + id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
