package io.receivables.dunning.promise.service;

import java.math.BigDecimal;
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
import io.receivables.common.money.Currencies;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.PromiseMade;
import io.receivables.dunning.hold.service.CustomerInvoices;
import io.receivables.dunning.promise.PromiseInvoice;
import io.receivables.dunning.promise.PromiseState;
import io.receivables.dunning.promise.PromiseToPay;
import io.receivables.dunning.promise.config.PromiseConfig;
import io.receivables.dunning.promise.repository.PromiseInvoiceRepository;
import io.receivables.dunning.promise.repository.PromiseRepository;
import io.receivables.dunning.receivable.DunningInvoice;
import io.receivables.dunning.receivable.InvoiceState;
import io.smallrye.mutiny.Uni;

/**
 * Promises to pay: made (checked against the read model under the invoices' row locks, published as promise-made in
 * the same transaction), read, and cancelled by a collector. Changes run in the caller's transaction. Keeping and
 * breaking are {@link PromiseChecks}'.
 */
@ApplicationScoped
public class Promises {

    static final String AGGREGATE = "promise-to-pay";
    static final int MAX_INVOICES = 100;

    private final PromiseRepository promises;
    private final PromiseInvoiceRepository promiseInvoices;
    private final CustomerInvoices customerInvoices;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final PromiseConfig config;
    private final Clock clock;

    @Inject
    public Promises(PromiseRepository promises, PromiseInvoiceRepository promiseInvoices,
            CustomerInvoices customerInvoices, OutboxWriter outbox, AuditLog audit, PromiseConfig config,
            Clock clock) {
        this.promises = promises;
        this.promiseInvoices = promiseInvoices;
        this.customerInvoices = customerInvoices;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    public Uni<PromiseView> make(Actor actor, MakePromise command) {
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        shape(command, today, errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return customerInvoices.customer(command.customerId())
                .chain(() -> customerInvoices.lockedOf(command.customerId(), command.invoiceIds()))
                .call(invoices -> alreadyPromised(command.invoiceIds()))
                .chain(invoices -> record(actor, command, today, invoices));
    }

    @WithSession
    public Uni<PromiseView> get(UUID customerId, UUID promiseId) {
        return promises.findById(promiseId).chain(promise -> {
            if (promise == null || !promise.customerId.equals(customerId)) {
                throw unknown(customerId, promiseId);
            }
            return view(promise);
        });
    }

    @WithSession
    public Uni<Page<PromiseView>> list(UUID customerId, String cursor, int limit) {
        // the page first: a cursor this API did not issue is a 400 whether or not the customer exists
        return promises.page(customerId, cursor, limit).call(() -> customerInvoices.customer(customerId))
                .chain(page -> promiseInvoices.ofPromises(page.items().stream().map(p -> p.id).toList())
                        .map(all -> {
                            Map<UUID, List<PromiseInvoice>> byPromise = all.stream()
                                    .collect(Collectors.groupingBy(pi -> pi.promiseId));
                            return new Page<>(page.items().stream()
                                    .map(p -> new PromiseView(p, byPromise.getOrDefault(p.id, List.of()))).toList(),
                                    page.nextCursor());
                        }));
    }

    /** A collector withdraws an OPEN promise (409 once it is kept, broken or cancelled); its invoices are free again. */
    public Uni<PromiseView> cancel(Actor actor, UUID customerId, UUID promiseId, ExpectedVersion expected,
            String reason) {
        return promises.lock(promiseId).chain(promise -> {
            if (promise == null || !promise.customerId.equals(customerId)) {
                throw unknown(customerId, promiseId);
            }
            IfMatch.check(expected, promise.version, "Promise to pay " + promiseId);
            if (promise.state != PromiseState.OPEN) {
                throw new ProblemException(ProblemType.CONFLICT, "promise to pay " + promiseId + " is "
                        + promise.state + "; only an OPEN promise can be cancelled", List.of());
            }
            promise.state = PromiseState.CANCELLED;
            promise.cancelReason = FreeText.optional(reason);
            promise.resolvedAt = now();
            promise.version++;
            return audit.record(actor, "cancelPromiseToPay", AGGREGATE, promiseId,
                    AuditSummary.of().change("state", PromiseState.OPEN, PromiseState.CANCELLED)
                            .value("reason", promise.cancelReason))
                    .chain(() -> promises.flush()).chain(() -> view(promise));
        });
    }

    private void shape(MakePromise command, LocalDate today, List<FieldError> errors) {
        String currency = command.currency();
        boolean knownCurrency = currency != null && Currencies.isIssuable(currency);
        if (!knownCurrency) {
            errors.add(new FieldError("currency", "required: an ISO 4217 code such as \"EUR\""));
        }
        BigDecimal amount = command.amount();
        if (amount == null) {
            errors.add(new FieldError("amount", "required"));
        } else if (amount.signum() <= 0) {
            errors.add(new FieldError("amount", "must be more than 0"));
        } else if (knownCurrency && amount.stripTrailingZeros().scale() > Currencies.minorUnits(currency)) {
            errors.add(new FieldError("amount", "has more decimals than " + currency + " has ("
                    + Currencies.minorUnits(currency) + ")"));
        } else if (amount.compareTo(new BigDecimal("999999999999999")) > 0) {
            errors.add(new FieldError("amount", "is too large"));
        }
        LocalDate date = command.promisedDate();
        if (date == null) {
            errors.add(new FieldError("promisedDate", "required"));
        } else if (date.isBefore(today)) {
            errors.add(new FieldError("promisedDate", "must not be in the past (today is " + today + ")"));
        } else if (date.isAfter(today.plusDays(config.maxDaysAhead()))) {
            errors.add(new FieldError("promisedDate", "must be at most " + config.maxDaysAhead()
                    + " days ahead (until " + today.plusDays(config.maxDaysAhead()) + ")"));
        }
        List<UUID> ids = command.invoiceIds();
        if (ids == null || ids.isEmpty()) {
            errors.add(new FieldError("invoiceIds", "name at least one invoice"));
        } else if (ids.size() > MAX_INVOICES) {
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
        if (command.note() != null && command.note().length() > 1000) {
            errors.add(new FieldError("note", "at most 1000 characters"));
        } else if (FreeText.hasNul(command.note())) {
            errors.add(new FieldError("note", FreeText.NUL_MESSAGE));
        }
    }

    /** An invoice under an OPEN promise is not promised again: payments would count for both. */
    private Uni<Void> alreadyPromised(List<UUID> ids) {
        return promiseInvoices.underOpenPromise(ids).map(promised -> {
            if (promised.isEmpty()) {
                return null;
            }
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (promised.contains(ids.get(i))) {
                    errors.add(new FieldError("invoiceIds[" + i + "]", "already under an OPEN promise to pay"));
                }
            }
            throw new ProblemException(ProblemType.CONFLICT, "an OPEN promise to pay already covers "
                    + errors.size() + " of the invoices; cancel it first", errors);
        });
    }

    private Uni<PromiseView> record(Actor actor, MakePromise command, LocalDate today,
            List<DunningInvoice> invoices) {
        String currency = command.currency();
        List<FieldError> conflicts = new ArrayList<>();
        List<FieldError> invalid = new ArrayList<>();
        BigDecimal collectable = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        for (int i = 0; i < invoices.size(); i++) {
            DunningInvoice invoice = invoices.get(i);
            if (invoice.state != InvoiceState.OPEN || invoice.openAmount.signum() <= 0) {
                conflicts.add(new FieldError("invoiceIds[" + i + "]", "invoice " + invoice.number
                        + " has nothing open"));
            }
            if (!invoice.currency.equals(currency)) {
                invalid.add(new FieldError("currency", "invoice " + invoice.number + " is in " + invoice.currency));
            }
            collectable = collectable.add(invoice.collectableAmount());
            paid = paid.add(invoice.amountPaid).add(invoice.amountDiscounted);
        }
        if (!conflicts.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "only open invoices can be promised", conflicts);
        }
        if (invalid.isEmpty() && command.amount().compareTo(collectable) > 0) {
            invalid.add(new FieldError("amount", "must be at most " + Currencies.format(collectable, currency)
                    + ", what is collectable on the invoices (open less disputed)"));
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        Instant now = now();
        PromiseToPay promise = new PromiseToPay();
        promise.id = UUID.randomUUID();
        promise.customerId = command.customerId();
        promise.currency = currency;
        promise.amount = Currencies.round(command.amount(), currency);
        promise.promisedDate = command.promisedDate();
        promise.holdUntil = command.promisedDate().plusDays(config.graceDays());
        promise.note = FreeText.optional(command.note());
        promise.paidBaseline = paid;
        promise.state = PromiseState.OPEN;
        promise.createdAt = now;
        promise.createdBy = actor.id();
        promise.version = 1;
        List<PromiseInvoice> rows = invoices.stream().map(invoice -> {
            PromiseInvoice row = new PromiseInvoice();
            row.promiseId = promise.id;
            row.invoiceId = invoice.id;
            row.invoiceNumber = invoice.number;
            row.collectableAmount = invoice.collectableAmount();
            return row;
        }).toList();
        PromiseMade event = new PromiseMade(promise.id, promise.customerId, command.invoiceIds(), currency,
                promise.amount, promise.promisedDate, promise.holdUntil, promise.note, now);
        return promises.persist(promise).chain(() -> promiseInvoices.persist(rows))
                .chain(() -> outbox.append(actor, AGGREGATE, event)).chain(() -> promises.flush())
                .map(ignored -> new PromiseView(promise, rows));
    }

    private Uni<PromiseView> view(PromiseToPay promise) {
        return promiseInvoices.ofPromises(List.of(promise.id)).map(rows -> new PromiseView(promise, rows));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException unknown(UUID customerId, UUID promiseId) {
        return ProblemException.notFound("No promise to pay " + promiseId + " of customer " + customerId);
    }
}
