package io.receivables.dunning.hold.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.hold.HoldInvoice;
import io.receivables.dunning.hold.HoldState;
import io.receivables.dunning.hold.ManualHold;
import io.receivables.dunning.hold.config.HoldConfig;
import io.receivables.dunning.hold.repository.HoldInvoiceRepository;
import io.receivables.dunning.hold.repository.ManualHoldRepository;
import io.smallrye.mutiny.Uni;

/**
 * A collector's manual holds: placed (until a day not in the past and at most the configured horizon ahead, for some
 * invoices or the whole account), listed, and released early. Changes run in the caller's transaction and are audited;
 * they publish nothing (a hold is dunning's own business).
 */
@ApplicationScoped
public class ManualHolds {

    static final String ENTITY = "dunning-hold";
    static final int MAX_INVOICES = 100;

    private final ManualHoldRepository holds;
    private final HoldInvoiceRepository holdInvoices;
    private final CustomerInvoices customerInvoices;
    private final AuditLog audit;
    private final HoldConfig config;
    private final Clock clock;

    @Inject
    public ManualHolds(ManualHoldRepository holds, HoldInvoiceRepository holdInvoices,
            CustomerInvoices customerInvoices, AuditLog audit, HoldConfig config, Clock clock) {
        this.holds = holds;
        this.holdInvoices = holdInvoices;
        this.customerInvoices = customerInvoices;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    public Uni<HoldView> place(Actor actor, PlaceHold command) {
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        shape(command, today, errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        List<UUID> ids = command.invoiceIds() == null ? List.of() : command.invoiceIds();
        return customerInvoices.customer(command.customerId())
                .chain(() -> customerInvoices.lockedOf(command.customerId(), ids)).chain(invoices -> {
                    Instant now = now();
                    ManualHold hold = new ManualHold();
                    hold.id = UUID.randomUUID();
                    hold.customerId = command.customerId();
                    hold.until = command.until();
                    hold.reason = command.reason().strip();
                    hold.state = HoldState.ACTIVE;
                    hold.createdAt = now;
                    hold.createdBy = actor.id();
                    hold.version = 1;
                    List<HoldInvoice> rows = ids.stream().map(id -> {
                        HoldInvoice row = new HoldInvoice();
                        row.holdId = hold.id;
                        row.invoiceId = id;
                        return row;
                    }).toList();
                    // an account-wide hold has no invoice rows (persisting an empty list is refused)
                    Uni<Void> invoiceRows = rows.isEmpty() ? Uni.createFrom().voidItem() : holdInvoices.persist(rows);
                    return holds.persist(hold).chain(() -> invoiceRows)
                            .chain(() -> audit.record(actor, "placeDunningHold", ENTITY, hold.id,
                                    AuditSummary.of().value("customerId", hold.customerId)
                                            .value("until", hold.until).value("reason", hold.reason)
                                            .value("invoices", ids.isEmpty() ? "the whole account" : ids.size())))
                            .chain(() -> holds.flush()).map(ignored -> new HoldView(hold, ids));
                });
    }

    @WithSession
    public Uni<Page<HoldView>> list(UUID customerId, String cursor, int limit) {
        // the page first: a cursor this API did not issue is a 400 whether or not the customer exists
        return holds.page(customerId, cursor, limit).call(() -> customerInvoices.customer(customerId))
                .chain(page -> holdInvoices.ofHolds(page.items().stream().map(h -> h.id).toList()).map(all -> {
                    Map<UUID, List<UUID>> byHold = all.stream().collect(Collectors.groupingBy(hi -> hi.holdId,
                            Collectors.mapping(hi -> hi.invoiceId, Collectors.toList())));
                    return new Page<>(page.items().stream()
                            .map(h -> new HoldView(h, byHold.getOrDefault(h.id, List.of()))).toList(),
                            page.nextCursor());
                }));
    }

    @WithSession
    public Uni<HoldView> get(UUID customerId, UUID holdId) {
        return holds.findById(holdId).chain(hold -> {
            if (hold == null || !hold.customerId.equals(customerId)) {
                throw unknown(customerId, holdId);
            }
            return view(hold);
        });
    }

    /** Ends an ACTIVE hold now (409 when released already). */
    public Uni<HoldView> release(Actor actor, UUID customerId, UUID holdId, ExpectedVersion expected, String reason) {
        return holds.lock(holdId).chain(hold -> {
            if (hold == null || !hold.customerId.equals(customerId)) {
                throw unknown(customerId, holdId);
            }
            IfMatch.check(expected, hold.version, "Dunning hold " + holdId);
            if (hold.state != HoldState.ACTIVE) {
                throw new ProblemException(ProblemType.CONFLICT, "dunning hold " + holdId + " was released already",
                        List.of());
            }
            hold.state = HoldState.RELEASED;
            hold.releasedAt = now();
            hold.releasedBy = actor.id();
            hold.releaseReason = FreeText.optional(reason);
            hold.version++;
            return audit.record(actor, "releaseDunningHold", ENTITY, holdId,
                    AuditSummary.of().change("state", HoldState.ACTIVE, HoldState.RELEASED)
                            .value("reason", hold.releaseReason))
                    .chain(() -> holds.flush()).chain(() -> view(hold));
        });
    }

    private void shape(PlaceHold command, LocalDate today, List<FieldError> errors) {
        LocalDate until = command.until();
        LocalDate horizon = today.plusDays(config.maxDays());
        if (until == null) {
            errors.add(new FieldError("until", "required: the last day of the hold"));
        } else if (until.isBefore(today)) {
            errors.add(new FieldError("until", "must not be in the past (today is " + today + ")"));
        } else if (until.isAfter(horizon)) {
            errors.add(new FieldError("until", "must be at most " + config.maxDays() + " days ahead (until "
                    + horizon + ")"));
        }
        String reason = command.reason();
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "required: why reminders are held"));
        } else if (reason.strip().length() > 500) {
            errors.add(new FieldError("reason", "at most 500 characters"));
        } else if (FreeText.hasNul(reason)) {
            errors.add(new FieldError("reason", FreeText.NUL_MESSAGE));
        }
        List<UUID> ids = command.invoiceIds();
        if (ids != null) {
            if (ids.size() > MAX_INVOICES) {
                errors.add(new FieldError("invoiceIds", "at most " + MAX_INVOICES + " invoices"));
            } else {
                Set<UUID> seen = new HashSet<>();
                for (int i = 0; i < ids.size(); i++) {
                    if (ids.get(i) == null) {
                        errors.add(new FieldError("invoiceIds[" + i + "]", "required"));
                    } else if (!seen.add(ids.get(i))) {
                        errors.add(new FieldError("invoiceIds[" + i + "]", "named twice"));
                    }
                }
            }
        }
    }

    private Uni<HoldView> view(ManualHold hold) {
        return holdInvoices.ofHolds(List.of(hold.id))
                .map(rows -> new HoldView(hold, rows.stream().map(r -> r.invoiceId).toList()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException unknown(UUID customerId, UUID holdId) {
        return ProblemException.notFound("No dunning hold " + holdId + " of customer " + customerId);
    }
}
