package io.receivables.payments.plan.service;

import java.util.List;

import io.receivables.payments.plan.PaymentPlan;
import io.receivables.payments.plan.PlanInstalment;
import io.receivables.payments.plan.PlanInvoice;
import io.receivables.payments.plan.Progress;

/** A plan with its invoices, its down payment and instalments, and how far they are paid as of today. */
public record PlanView(PaymentPlan plan, List<PlanInvoice> invoices, List<PlanInstalment> instalments,
        Progress progress) {
}
