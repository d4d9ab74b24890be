package io.receivables.invoicing.schedule.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.limits.BusinessDates;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.invoice.service.InvoiceRequestChecks;
import io.receivables.invoicing.invoice.service.LineExemptions;
import io.receivables.invoicing.schedule.BillingCalendar;
import io.receivables.invoicing.schedule.BillingSchedule;
import io.receivables.invoicing.schedule.CatchUp;
import io.receivables.invoicing.schedule.ScheduleRun;
import io.receivables.invoicing.schedule.ScheduleStatus;
import io.receivables.invoicing.schedule.repository.BillingScheduleRepository;
import io.receivables.invoicing.schedule.repository.ScheduleRunRepository;
import io.receivables.invoicing.schedule.rest.BillingScheduleRequest;
import io.receivables.invoicing.terms.PaymentTerms;
import io.smallrye.mutiny.Uni;

/** Creating, reading, pausing, resuming and cancelling schedules; {@link ScheduleRunner} issues their periods. */
@ApplicationScoped
public class BillingScheduleService {

    /** A schedule's changes publish no event, so they are audited here, by operationId. */
    static final String ENTITY = "billing-schedule";

    private final BillingScheduleRepository schedules;
    private final ScheduleRunRepository runs;
    private final CustomerRepository customers;
    private final AuditLog audit;
    private final Clock clock;
    private final ScheduleLimits limits;

    @Inject
    public BillingScheduleService(BillingScheduleRepository schedules, ScheduleRunRepository runs,
            CustomerRepository customers, AuditLog audit, Clock clock, ScheduleLimits limits) {
        this.limits = limits;
        this.schedules = schedules;
        this.runs = runs;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates an ACTIVE schedule after the same checks an invoice gets (lines, currency, terms), so that its periods do
     * not fail later on input that could have been rejected now. Billing starts with the first period on or after today
     * unless the request asks to catch up missed periods ({@link CatchUp}).
     */
    public Uni<ScheduleWithRuns> create(Actor actor, BillingScheduleRequest request) {
        BillingCalendar calendar = new BillingCalendar(request.frequency(), request.anchorDay());
        List<FieldError> errors = new ArrayList<>();
        LocalDate firstPeriod = firstPeriodToBill(request, calendar, LocalDate.now(clock), errors);
        errors.addAll(InvoiceRequestChecks.check(
                request.template().invoice(request.customerId(), firstPeriod, calendar.periodEnd(firstPeriod))));
        PaymentTerms requestedTerms = request.paymentTerms() == null ? null
                : request.paymentTerms().toTerms("paymentTerms", errors);
        if (request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            errors.add(new FieldError("endDate", "must not be before startDate " + request.startDate()));
        } else if (request.endDate() != null && request.endDate().isBefore(firstPeriod)) {
            errors.add(new FieldError("endDate", "no period would start on or before it: the first to bill starts on "
                    + firstPeriod + (request.catchUpFrom() == null
                            ? " (periods that started before today are billed only from catchUpFrom)"
                            : "")));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return customers.findById(request.customerId())
                .onItem().ifNull().failWith(() -> ProblemException.unknownReference("customerId",
                        "no customer " + request.customerId() + "; register it with POST /customers first"))
                .invoke(customer -> {
                    // the first period is issued under the rules of POST /invoices: refuse now what it would refuse
                    List<FieldError> dates = new ArrayList<>();
                    PaymentTerms terms = requestedTerms != null ? requestedTerms : customer.paymentTerms();
                    BusinessDates.checkComputed("paymentTerms", terms.dueDate(firstPeriod),
                            "the first period's due date", dates);
                    if (!dates.isEmpty()) {
                        throw ProblemException.invalid(dates);
                    }
                    LineExemptions.requireBuyerVatId(request.lines(), customer);
                })
                .chain(customer -> {
                    BillingSchedule schedule = new BillingSchedule();
                    schedule.id = UUID.randomUUID();
                    schedule.customerId = customer.id;
                    schedule.frequency = request.frequency();
                    schedule.anchorDay = request.anchorDay();
                    schedule.startDate = request.startDate();
                    schedule.endDate = request.endDate();
                    schedule.catchUpFrom = request.catchUpFrom();
                    schedule.template(request.template());
                    schedule.status = ScheduleStatus.ACTIVE;
                    schedule.nextPeriodStart = firstPeriod;
                    schedule.createdAt = now();
                    return schedules.persist(schedule);
                })
                .call(schedule -> audit.record(actor, "createBillingSchedule", ENTITY, schedule.id, AuditSummary.of()
                        .change("status", null, schedule.status).value("customerId", schedule.customerId)
                        .value("frequency", schedule.frequency).value("nextPeriodStart", schedule.nextPeriodStart)))
                .map(schedule -> new ScheduleWithRuns(schedule, List.of()));
    }

    /**
     * The first period to issue: by default the first starting on or after today; with catchUpFrom the first on or after
     * it, if that bills no more missed periods than the cap. Rejected dates are added to {@code errors}.
     */
    private LocalDate firstPeriodToBill(BillingScheduleRequest request, BillingCalendar calendar, LocalDate today,
            List<FieldError> errors) {
        LocalDate gridStart = calendar.firstPeriodStart(request.startDate());
        int before = errors.size();
        BusinessDates.checkComputed("startDate", gridStart, "the first period's start", errors);
        checkCatchUpFrom(request.catchUpFrom(), request.startDate(), today, errors);
        if (errors.size() > before) {
            return gridStart;
        }
        CatchUp catchUp = CatchUp.decide(calendar, request.startDate(), request.endDate(), request.catchUpFrom(), today,
                limits.maxCatchUp());
        if (catchUp.overCap(limits.maxCatchUp())) {
            errors.add(new FieldError("catchUpFrom", "would bill " + catchUp.missed() + " missed periods from "
                    + catchUp.firstPeriod() + "; at most " + limits.maxCatchUp() + " may be caught up, so the earliest"
                    + " catchUpFrom is " + catchUp.earliestAllowed()));
        }
        return catchUp.firstPeriod();
    }

    /** catchUpFrom reaches back no further than the schedule's start and never into the future. */
    private static void checkCatchUpFrom(LocalDate catchUpFrom, LocalDate startDate, LocalDate today,
            List<FieldError> errors) {
        if (catchUpFrom == null) {
            return;
        }
        if (catchUpFrom.isBefore(startDate)) {
            errors.add(new FieldError("catchUpFrom", "must not be before startDate " + startDate));
        } else if (catchUpFrom.isAfter(today)) {
            errors.add(new FieldError("catchUpFrom", "must not be in the future (today is " + today + ", UTC)"));
        }
    }

    @WithSession
    public Uni<ScheduleWithRuns> find(UUID id) {
        return schedules.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No billing schedule " + id))
                .chain(this::withRuns);
    }

    @WithSession
    public Uni<Page<ScheduleWithRuns>> list(UUID customerId, String cursor, int limit) {
        return schedules.page(customerId, cursor, limit)
                .chain(page -> runs.ofSchedules(page.items().stream().map(s -> s.id).toList())
                        .map(all -> {
                            Map<UUID, List<ScheduleRun>> bySchedule = all.stream()
                                    .collect(Collectors.groupingBy(run -> run.scheduleId));
                            return new Page<>(page.items().stream()
                                    .map(s -> new ScheduleWithRuns(s, bySchedule.getOrDefault(s.id, List.of())))
                                    .toList(), page.nextCursor());
                        }));
    }

    /** ACTIVE to PAUSED: nothing is issued until resumed. */
    public Uni<ScheduleWithRuns> pause(Actor actor, UUID id, ExpectedVersion expectedVersion) {
        return change(actor, "pauseBillingSchedule", id, expectedVersion, schedule -> {
            requireStatus(schedule, "paused", ScheduleStatus.ACTIVE);
            schedule.status = ScheduleStatus.PAUSED;
        });
    }

    /**
     * PAUSED to ACTIVE. The next period is the first that starts today or later: periods that started while the schedule
     * was paused are skipped, not billed late.
     */
    public Uni<ScheduleWithRuns> resume(Actor actor, UUID id, ExpectedVersion expectedVersion) {
        return change(actor, "resumeBillingSchedule", id, expectedVersion, schedule -> {
            requireStatus(schedule, "resumed", ScheduleStatus.PAUSED);
            schedule.status = ScheduleStatus.ACTIVE;
            schedule.nextPeriodFrom(schedule.calendar().firstPeriodStartOnOrAfter(schedule.nextPeriodStart,
                    LocalDate.now(clock)));
        });
    }

    /** ACTIVE or PAUSED to CANCELLED, for good; the invoices already issued stay as they are. */
    public Uni<ScheduleWithRuns> cancel(Actor actor, UUID id, ExpectedVersion expectedVersion) {
        return change(actor, "cancelBillingSchedule", id, expectedVersion, schedule -> {
            requireStatus(schedule, "cancelled", ScheduleStatus.ACTIVE, ScheduleStatus.PAUSED);
            schedule.status = ScheduleStatus.CANCELLED;
            schedule.nextPeriodStart = null;
        });
    }

    /**
     * Applies a status change under the row lock, which waits for a runner issuing a period of this schedule right now;
     * the version check then tells the client that the schedule moved on since it read it.
     */
    private Uni<ScheduleWithRuns> change(Actor actor, String operation, UUID id, ExpectedVersion expectedVersion,
            java.util.function.Consumer<BillingSchedule> change) {
        return schedules.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No billing schedule " + id))
                .call(schedule -> {
                    IfMatch.check(expectedVersion, schedule.version, "Billing schedule " + id);
                    ScheduleStatus before = schedule.status;
                    change.accept(schedule);
                    schedule.updatedAt = now();
                    return audit.record(actor, operation, ENTITY, id, AuditSummary.of()
                            .change("status", before, schedule.status)
                            .value("nextPeriodStart", schedule.nextPeriodStart));
                })
                .call(schedules::flush)
                .chain(this::withRuns);
    }

    private static void requireStatus(BillingSchedule schedule, String action, ScheduleStatus... allowed) {
        if (!List.of(allowed).contains(schedule.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "Billing schedule " + schedule.id + " is " + schedule.status
                    + "; only a schedule that is " + List.of(allowed) + " can be " + action, List.of());
        }
    }

    private Uni<ScheduleWithRuns> withRuns(BillingSchedule schedule) {
        return runs.ofSchedules(List.of(schedule.id)).map(list -> new ScheduleWithRuns(schedule, list));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
