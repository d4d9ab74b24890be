package io.receivables.payments.plan.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.payments.plan.PaymentPlan;
import io.receivables.payments.plan.PlanStatus;
import io.receivables.payments.plan.Progress;
import io.receivables.payments.plan.service.PlanView;

/** A payment plan as the API shows it: amounts as decimal strings at the currency's scale. */
public record PaymentPlanResponse(UUID id, UUID customerId, String currency, PlanStatus status, String total,
        @Schema(description = "Allocated to the invoices since the plan was made") String paidAmount,
        String outstandingAmount, List<InvoiceResponse> invoices,
        @Schema(nullable = true) InstalmentResponse downPayment, List<InstalmentResponse> instalments,
        Instant createdAt, @Schema(nullable = true) LocalDate completedOn,
        @Schema(nullable = true) LocalDate brokenOn,
        @Schema(nullable = true, description = "The instalment that broke it; 0 is the down payment") Integer brokenInstalment,
        @Schema(nullable = true) LocalDate cancelledOn) {

    public record InvoiceResponse(UUID invoiceId, String invoiceNumber,
            @Schema(description = "What was open on it when the plan was made") String openAmountAtStart) {
    }

    public record InstalmentResponse(@Schema(description = "0 is the down payment") int number, LocalDate dueDate,
            String amount, String paidAmount, Progress.State state) {
    }

    static PaymentPlanResponse of(PlanView view) {
        PaymentPlan plan = view.plan();
        String currency = plan.currency;
        List<InstalmentResponse> all = view.progress().instalments().stream()
                .map(f -> new InstalmentResponse(f.number(), f.dueDate(), Currencies.format(f.amount(), currency),
                        Currencies.format(f.paid(), currency), f.state()))
                .toList();
        return new PaymentPlanResponse(plan.id, plan.customerId, currency, plan.status,
                Currencies.format(plan.total, currency), Currencies.format(view.progress().paid(), currency),
                Currencies.format(view.progress().outstanding(), currency),
                view.invoices().stream().map(i -> new InvoiceResponse(i.invoiceId, i.invoiceNumber,
                        Currencies.format(i.openAtStart, currency))).toList(),
                all.stream().filter(i -> i.number() == 0).findFirst().orElse(null),
                all.stream().filter(i -> i.number() != 0).toList(), plan.createdAt, plan.completedOn, plan.brokenOn,
                plan.brokenInstalment, plan.cancelledOn);
    }
}
