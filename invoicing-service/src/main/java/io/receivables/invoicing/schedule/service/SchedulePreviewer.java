package io.receivables.invoicing.schedule.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.problem.ProblemException;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.invoice.service.InvoiceTotals;
import io.receivables.invoicing.schedule.BillingCalendar;
import io.receivables.invoicing.schedule.BillingSchedule;
import io.receivables.invoicing.schedule.InvoiceTemplate;
import io.receivables.invoicing.schedule.ScheduleStatus;
import io.receivables.invoicing.schedule.repository.BillingScheduleRepository;
import io.receivables.invoicing.terms.PaymentTerms;
import io.smallrye.mutiny.Uni;

/**
 * The periods a schedule would issue up to a date, priced as issuing prices them, without writing anything. Currency
 * and terms the template leaves to the customer are the customer's as they stand now: a later profile change changes
 * the invoices too.
 */
@ApplicationScoped
public class SchedulePreviewer {

    /** A preview never lists more, whatever backlog an old schedule carries. */
    public static final int MAX_PERIODS = 500;

    private final BillingScheduleRepository schedules;
    private final CustomerRepository customers;
    private final ScheduleLimits limits;
    private final Clock clock;

    @Inject
    public SchedulePreviewer(BillingScheduleRepository schedules, CustomerRepository customers, ScheduleLimits limits,
            Clock clock) {
        this.schedules = schedules;
        this.customers = customers;
        this.limits = limits;
        this.clock = clock;
    }

    /** The last date a preview may reach: today plus the configured horizon. */
    public LocalDate horizon() {
        return LocalDate.now(clock).plusMonths(limits.previewHorizonMonths());
    }

    /** One period as it would be issued: an invoice dated its start. */
    public record Period(LocalDate periodStart, LocalDate periodEnd, LocalDate issueDate, LocalDate dueDate,
            String currency, InvoiceTotals totals) {
    }

    /** The periods up to {@code until}, oldest first; {@code more}: the list stopped at {@link #MAX_PERIODS}. */
    public record Preview(BillingSchedule schedule, LocalDate until, List<Period> periods, boolean more) {
    }

    @WithSession
    public Uni<Preview> preview(UUID id, LocalDate until) {
        return schedules.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No billing schedule " + id))
                .chain(schedule -> customers.findById(schedule.customerId)
                        .map(customer -> preview(schedule, customer, until)));
    }

    /** Only an ACTIVE schedule issues; a paused one issues nothing until resumed, which skips what it missed. */
    private static Preview preview(BillingSchedule schedule, Customer customer, LocalDate until) {
        List<Period> periods = new ArrayList<>();
        boolean more = false;
        if (schedule.status == ScheduleStatus.ACTIVE) {
            InvoiceTemplate template = schedule.template();
            String currency = template.currency() != null ? template.currency() : customer.currency;
            PaymentTerms terms = template.paymentTerms() != null ? template.paymentTerms() : customer.paymentTerms();
            InvoiceTotals totals = InvoiceTotals.compute(currency, template.lines().stream()
                    .map(line -> new InvoiceTotals.PricedLine(line.quantity(), line.unitPrice(), line.taxRate()))
                    .toList());
            BillingCalendar calendar = schedule.calendar();
            for (LocalDate p = schedule.nextPeriodStart; !p.isAfter(until)
                    && (schedule.endDate == null || !p.isAfter(schedule.endDate)); p = calendar.nextPeriodStart(p)) {
                if (periods.size() == MAX_PERIODS) {
                    more = true;
                    break;
                }
                periods.add(new Period(p, calendar.periodEnd(p), p, terms.dueDate(p), currency, totals));
            }
        }
        return new Preview(schedule, until, periods, more);
    }
}
