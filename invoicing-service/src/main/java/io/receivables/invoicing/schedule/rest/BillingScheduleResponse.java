package io.receivables.invoicing.schedule.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;
import io.receivables.invoicing.customer.rest.PaymentTermsRequest;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;
import io.receivables.invoicing.schedule.BillingSchedule;
import io.receivables.invoicing.schedule.Frequency;
import io.receivables.invoicing.schedule.InvoiceTemplate;
import io.receivables.invoicing.schedule.ScheduleRun;
import io.receivables.invoicing.schedule.ScheduleStatus;
import io.receivables.invoicing.schedule.service.ScheduleWithRuns;
import io.receivables.invoicing.terms.PaymentTerms;

public record BillingScheduleResponse(UUID id, UUID customerId, ScheduleStatus status, Frequency frequency,
        int anchorDay, LocalDate startDate,
        @Schema(nullable = true, description = "null: until cancelled") LocalDate endDate,
        @Schema(nullable = true, description = "Missed periods starting on or after this date were billed; null: billing"
                + " started with the first period on or after the day the schedule was created") LocalDate catchUpFrom,
        String currency,
        PaymentTermsRequest paymentTerms,
        @Schema(nullable = true) String poNumber, List<InvoiceLineRequest> lines,
        @Schema(nullable = true, description = "The issue date of the next invoice (the start of the next period); absent unless ACTIVE") LocalDate nextRunDate,
        @Schema(nullable = true, description = "Why the last attempt to issue failed; cleared once a period is issued") String lastError,
        @Schema(nullable = true) Instant lastErrorAt,
        @Schema(description = "The periods issued so far, oldest first") List<IssuedPeriod> issuedPeriods,
        Instant createdAt, @Schema(nullable = true, description = "null until the first change") Instant updatedAt) {

    /** One issued period: the invoice's issue date is the period's start. */
    @Schema(name = "ScheduleIssuedPeriod")
    public record IssuedPeriod(LocalDate periodStart, LocalDate periodEnd, UUID invoiceId, String invoiceNumber,
            Instant issuedAt) {

        static IssuedPeriod of(ScheduleRun run) {
            return new IssuedPeriod(run.periodStart, run.periodEnd, run.invoiceId, run.invoiceNumber, run.issuedAt);
        }
    }

    public static BillingScheduleResponse of(ScheduleWithRuns view) {
        BillingSchedule s = view.schedule();
        InvoiceTemplate template = s.template();
        PaymentTerms terms = template.paymentTerms();
        PaymentTermsRequest paymentTerms = terms == null ? null
                : new PaymentTermsRequest(terms.type(), terms.days(), terms.discountDays(),
                        terms.discountRate() == null ? null : plain(terms.discountRate()));
        List<InvoiceLineRequest> lines = template.lines().stream().map(line -> new InvoiceLineRequest(
                line.description(), plain(line.quantity()), plain(line.unitPrice()), plain(line.taxRate()),
                line.vatExemption() == null ? null : line.vatExemption().request())).toList();
        return new BillingScheduleResponse(s.id, s.customerId, s.status, s.frequency, s.anchorDay, s.startDate,
                s.endDate, s.catchUpFrom, template.currency(), paymentTerms, template.poNumber(), lines,
                s.status == ScheduleStatus.ACTIVE ? s.nextPeriodStart : null, s.lastError, s.lastErrorAt,
                view.runs().stream().map(IssuedPeriod::of).toList(), s.createdAt, s.updatedAt);
    }

    /** A stored decimal as the API shows it: plain, without the storage scale's trailing zeros. */
    private static String plain(BigDecimal value) {
        return DecimalStrings.format(value.stripTrailingZeros());
    }
}
