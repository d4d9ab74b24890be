package io.receivables.invoicing.schedule.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.invoice.service.InvoiceService;
import io.receivables.invoicing.schedule.BillingSchedule;
import io.receivables.invoicing.schedule.ScheduleRun;
import io.receivables.invoicing.schedule.repository.BillingScheduleRepository;
import io.receivables.invoicing.schedule.repository.ScheduleRunRepository;
import io.smallrye.mutiny.Uni;

/**
 * Issues one period of one schedule per transaction: the invoice (through the ordinary issuing path, so numbering, credit
 * check and invoice-issued are the same), the run row and the schedule's next period commit together or not at all. The
 * transaction is the caller's: {@link ScheduleRunner}, the scheduler's edge, opens one per period.
 */
@ApplicationScoped
public class PeriodIssuer {

    private final BillingScheduleRepository schedules;
    private final ScheduleRunRepository runs;
    private final InvoiceService invoices;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public PeriodIssuer(BillingScheduleRepository schedules, ScheduleRunRepository runs, InvoiceService invoices,
            AuditLog audit, Clock clock) {
        this.schedules = schedules;
        this.runs = runs;
        this.invoices = invoices;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues the next period of schedule {@code id} if it has started by {@code today}; empty when nothing is due or
     * another runner holds the schedule (it issues that period then).
     */
    public Uni<Optional<ScheduleRun>> issueNextPeriod(Actor actor, UUID id, LocalDate today) {
        return schedules.claimDue(id, today)
                .chain(schedule -> schedule == null ? Uni.createFrom().item(Optional.<ScheduleRun> empty())
                        : issue(actor, schedule).map(Optional::of));
    }

    /** The invoice is audited as issued (with its event); the schedule's move to its next period here. */
    private Uni<ScheduleRun> issue(Actor actor, BillingSchedule schedule) {
        LocalDate start = schedule.nextPeriodStart;
        LocalDate end = schedule.calendar().periodEnd(start);
        return invoices.issue(actor, schedule.template().invoice(schedule.customerId, start, end))
                .chain(issued -> {
                    ScheduleRun run = new ScheduleRun();
                    run.scheduleId = schedule.id;
                    run.periodStart = start;
                    run.periodEnd = end;
                    run.invoiceId = issued.invoice().id;
                    run.invoiceNumber = issued.invoice().number;
                    run.issuedAt = now();
                    schedule.nextPeriodFrom(schedule.calendar().nextPeriodStart(start));
                    schedule.lastError = null;
                    schedule.lastErrorAt = null;
                    schedule.updatedAt = run.issuedAt;
                    return runs.persist(run).call(() -> audit.record(actor, "runBillingSchedules",
                            BillingScheduleService.ENTITY, schedule.id, AuditSummary.of()
                                    .value("invoiceNumber", run.invoiceNumber)
                                    .change("nextPeriodStart", start, schedule.nextPeriodStart)));
                });
    }

    /** Records why issuing failed, for the schedule's readers; the runner tries again on its next run. */
    public Uni<Void> recordFailure(UUID id, String error) {
        return schedules.findById(id)
                .invoke(schedule -> {
                    if (schedule != null) {
                        schedule.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
                        schedule.lastErrorAt = now();
                    }
                })
                .replaceWithVoid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
