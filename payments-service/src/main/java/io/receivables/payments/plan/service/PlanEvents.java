package io.receivables.payments.plan.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.PaymentPlanBroken;
import io.receivables.contracts.events.PaymentPlanCompleted;
import io.receivables.contracts.events.PaymentPlanCreated;
import io.receivables.payments.plan.PaymentPlan;
import io.receivables.payments.plan.PlanInstalment;
import io.receivables.payments.plan.PlanInvoice;
import io.receivables.payments.plan.Progress;

/** The events of a plan, as the contracts define them; amounts at the currency's scale. */
final class PlanEvents {

    private PlanEvents() {
    }

    static PaymentPlanCreated created(PaymentPlan plan, List<PlanInvoice> invoices, List<PlanInstalment> schedule) {
        PaymentPlanCreated.DownPayment down = schedule.stream()
                .filter(i -> i.number == PlanInstalment.DOWN_PAYMENT).findFirst()
                .map(i -> new PaymentPlanCreated.DownPayment(i.dueDate, money(i.amount, plan.currency))).orElse(null);
        return new PaymentPlanCreated(plan.id, plan.customerId, plan.currency, money(plan.total, plan.currency),
                invoices.stream().map(i -> new PaymentPlanCreated.CoveredInvoice(i.invoiceId, i.invoiceNumber,
                        money(i.openAtStart, plan.currency))).toList(),
                down,
                schedule.stream().filter(i -> i.number != PlanInstalment.DOWN_PAYMENT)
                        .map(i -> new PaymentPlanCreated.Instalment(i.number, i.dueDate, money(i.amount, plan.currency)))
                        .toList(),
                plan.createdAt);
    }

    static PaymentPlanCompleted completed(PaymentPlan plan, List<UUID> invoiceIds, LocalDate on, Instant at) {
        return new PaymentPlanCompleted(plan.id, plan.customerId, plan.currency, invoiceIds,
                money(plan.total, plan.currency), on, at);
    }

    static PaymentPlanBroken broken(PaymentPlan plan, List<UUID> invoiceIds, Progress progress, LocalDate on,
            Instant at) {
        Progress.Filled late = progress.late();
        return new PaymentPlanBroken(plan.id, plan.customerId, plan.currency, invoiceIds, late.number(),
                late.dueDate(), progress.daysLate(), money(late.outstanding(), plan.currency),
                money(progress.outstanding(), plan.currency), on, at);
    }

    static BigDecimal money(BigDecimal amount, String currency) {
        return Currencies.round(amount, currency);
    }
}
