package io.receivables.payments.plan.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.payments.plan.Instalments;
import io.receivables.payments.plan.PaymentPlan;
import io.receivables.payments.plan.PlanInstalment;
import io.receivables.payments.plan.PlanInvoice;
import io.receivables.payments.plan.PlanStatus;
import io.receivables.payments.plan.Progress;
import io.receivables.payments.plan.config.PlanConfig;
import io.receivables.payments.plan.repository.PaymentPlanRepository;
import io.receivables.payments.plan.repository.PlanInstalmentRepository;
import io.receivables.payments.plan.repository.PlanInvoiceRepository;
import io.receivables.payments.receivable.InvoiceState;
import io.receivables.payments.receivable.ReceivableInvoice;
import io.receivables.payments.receivable.repository.ReceivableCustomerRepository;
import io.receivables.payments.receivable.repository.ReceivableInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * Makes a payment plan for open invoices of one customer, from this service's own read model: locks the invoices in id
 * order (as every writer of invoices does, so a payment and a plan for the same invoice serialise), checks them and
 * the instalments, writes the plan and publishes payment-plan-created. Every refusal is thrown before anything is
 * written. Runs in the caller's transaction.
 */
@ApplicationScoped
public class PlanCreation {

    private final PaymentPlanRepository plans;
    private final PlanInvoiceRepository planInvoices;
    private final PlanInstalmentRepository planInstalments;
    private final ReceivableCustomerRepository customers;
    private final ReceivableInvoiceRepository invoices;
    private final OutboxWriter outbox;
    private final PlanConfig config;
    private final Clock clock;

    @Inject
    public PlanCreation(PaymentPlanRepository plans, PlanInvoiceRepository planInvoices,
            PlanInstalmentRepository planInstalments, ReceivableCustomerRepository customers,
            ReceivableInvoiceRepository invoices, OutboxWriter outbox, PlanConfig config,
            Clock clock) {
        this.plans = plans;
        this.planInvoices = planInvoices;
        this.planInstalments = planInstalments;
        this.customers = customers;
        this.invoices = invoices;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public Uni<PlanView> create(Actor actor, CreatePlan command) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<FieldError> errors = new ArrayList<>();
        PlanChecks.shape(command, today, errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return customers.findById(command.customerId()).chain(customer -> {
            if (customer == null) {
                throw ProblemException.unknownReference("customerId", "no customer " + command.customerId()
                        + " is known to payments (customers come from invoicing's events)");
            }
            return invoices.lock(command.invoiceIds());
        }).chain(locked -> {
            Map<UUID, ReceivableInvoice> byId = locked.stream()
                    .collect(Collectors.toMap(i -> i.id, Function.identity()));
            String currency = checkInvoices(command, byId);
            return planInvoices.activeOf(command.invoiceIds()).chain(memberships -> {
                refuseIfPlanned(command, memberships);
                List<ReceivableInvoice> covered = command.invoiceIds().stream().map(byId::get).toList();
                return save(actor, command, currency, covered, today);
            });
        });
    }

    /** The invoices' one currency; refusals name {@code invoiceIds[i]}. */
    private static String checkInvoices(CreatePlan command, Map<UUID, ReceivableInvoice> byId) {
        List<FieldError> invalid = new ArrayList<>();
        List<FieldError> conflicts = new ArrayList<>();
        String currency = null;
        for (int i = 0; i < command.invoiceIds().size(); i++) {
            String field = "invoiceIds[" + i + "]";
            ReceivableInvoice invoice = byId.get(command.invoiceIds().get(i));
            if (invoice == null) {
                throw ProblemException.unknownReference(field, "no invoice " + command.invoiceIds().get(i)
                        + " is known to payments");
            }
            if (!invoice.customerId.equals(command.customerId())) {
                invalid.add(new FieldError(field, "invoice " + invoice.number + " belongs to another customer; a plan"
                        + " covers invoices of one customer"));
                continue;
            }
            if (currency == null) {
                currency = invoice.currency;
            } else if (!currency.equals(invoice.currency)) {
                invalid.add(new FieldError(field, "invoice " + invoice.number + " is in " + invoice.currency
                        + ", the plan's first invoice in " + currency + "; a plan is in one currency"));
                continue;
            }
            if (invoice.state != InvoiceState.OPEN) {
                conflicts.add(new FieldError(field, "invoice " + invoice.number + " is " + invoice.state
                        + " and owes nothing"));
            } else if (invoice.openAmount.signum() == 0) {
                conflicts.add(new FieldError(field, "invoice " + invoice.number + " is paid; nothing is open on it"));
            }
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        if (!conflicts.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "an invoice that owes nothing cannot enter a plan",
                    conflicts);
        }
        return currency;
    }

    private static void refuseIfPlanned(CreatePlan command, List<PlanInvoice> memberships) {
        List<FieldError> conflicts = new ArrayList<>();
        for (PlanInvoice membership : memberships) {
            int index = command.invoiceIds().indexOf(membership.invoiceId);
            conflicts.add(new FieldError("invoiceIds[" + index + "]", "invoice " + membership.invoiceNumber
                    + " is in active payment plan " + membership.planId + "; cancel that plan first"));
        }
        if (!conflicts.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "an invoice is in one active payment plan at most",
                    conflicts);
        }
    }

    private Uni<PlanView> save(Actor actor, CreatePlan command, String currency, List<ReceivableInvoice> covered,
            LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        PlanChecks.decimals(command, currency, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        BigDecimal open = covered.stream().map(i -> i.openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = command.total() == null ? open : command.total();
        if (total.compareTo(open) > 0) {
            throw ProblemException.invalid("total", "is more than the " + open.toPlainString() + " " + currency
                    + " open on the invoices");
        }
        BigDecimal down = command.downPayment() == null ? BigDecimal.ZERO : command.downPayment().amount();
        BigDecimal rest = total.subtract(down);
        if (command.downPayment() != null && rest.signum() <= 0) {
            throw ProblemException.invalid("downPayment.amount", "must be less than the plan's total "
                    + total.toPlainString() + " " + currency + ", leaving something for the instalments");
        }
        List<Instalments.Due> due = dueAmounts(command, rest, currency);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PaymentPlan plan = new PaymentPlan();
        plan.id = UUID.randomUUID();
        plan.customerId = command.customerId();
        plan.currency = currency;
        plan.total = total;
        plan.status = PlanStatus.ACTIVE;
        plan.createdAt = now;
        List<PlanInvoice> members = covered.stream().map(invoice -> {
            PlanInvoice member = new PlanInvoice();
            member.planId = plan.id;
            member.invoiceId = invoice.id;
            member.invoiceNumber = invoice.number;
            member.openAtStart = invoice.openAmount;
            member.settledAtStart = invoice.amountAllocated.add(invoice.amountDiscounted);
            member.active = true;
            return member;
        }).toList();
        List<PlanInstalment> schedule = new ArrayList<>();
        if (command.downPayment() != null) {
            schedule.add(instalment(plan.id, PlanInstalment.DOWN_PAYMENT, command.downPayment().dueDate(), down));
        }
        for (int i = 0; i < due.size(); i++) {
            schedule.add(instalment(plan.id, i + 1, due.get(i).dueDate(), due.get(i).amount()));
        }
        Progress progress = Progress.of(schedule.stream().map(PlanInstalment::scheduled).toList(), BigDecimal.ZERO,
                today, config.graceDays());
        return plans.persist(plan)
                .chain(() -> planInvoices.persist(members))
                .chain(() -> planInstalments.persist(schedule))
                .chain(() -> outbox.append(actor, "payment-plan", PlanEvents.created(plan, members, schedule)))
                .chain(() -> plans.flush())
                .map(ignored -> new PlanView(plan, members, schedule, progress));
    }

    /** The instalments' due dates and amounts, adding up to {@code rest} (the total less the down payment). */
    private static List<Instalments.Due> dueAmounts(CreatePlan command, BigDecimal rest, String currency) {
        if (command.schedule() != null) {
            CreatePlan.Schedule schedule = command.schedule();
            List<Instalments.Due> due = Instalments.equal(rest, schedule.count(), schedule.firstDueDate(),
                    schedule.interval(), schedule.intervalDays() == null ? 0 : schedule.intervalDays(), currency);
            if (due.getFirst().amount().signum() == 0) {
                throw ProblemException.invalid("schedule.count", schedule.count() + " instalments of "
                        + rest.toPlainString() + " " + currency + " would be less than one minor unit each");
            }
            return due;
        }
        List<Instalments.Due> due = command.instalments().stream()
                .map(d -> new Instalments.Due(d.dueDate(), d.amount())).toList();
        BigDecimal sum = Instalments.sum(due);
        if (sum.compareTo(rest) != 0) {
            throw ProblemException.invalid("instalments", "add up to " + sum.toPlainString() + " " + currency
                    + ", but the plan's total " + (command.downPayment() == null ? "" : "less its down payment ")
                    + "is " + rest.toPlainString());
        }
        return due;
    }

    private static PlanInstalment instalment(UUID planId, int number, LocalDate dueDate, BigDecimal amount) {
        PlanInstalment instalment = new PlanInstalment();
        instalment.planId = planId;
        instalment.number = number;
        instalment.dueDate = dueDate;
        instalment.amount = amount;
        return instalment;
    }
}
