package io.receivables.payments.payment.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.payments.matching.MatchingRule;
import io.receivables.payments.payment.Allocation;
import io.receivables.payments.payment.PaymentStatus;
import io.receivables.payments.payment.service.RecordedPayment;

/** A payment with every allocation it made, removed ones included, each with the rule and the confidence behind it. */
public record PaymentResponse(UUID id,
        @Schema(nullable = true, description = "null while the payer is not identified") UUID customerId,
        String amount, String currency, String unallocatedAmount, String refundedAmount, LocalDate valueDate,
        PaymentReceived.Method method, PaymentStatus status,
        @Schema(description = "true while it waits for an accountant: payer not identified, or a match below the confidence threshold") boolean inReview,
        @Schema(nullable = true) String reviewReason, @Schema(nullable = true) String payerName,
        @Schema(nullable = true) String payerAccount, @Schema(nullable = true) String remittanceText,
        @Schema(nullable = true) String structuredReference, String source,
        @Schema(nullable = true) String externalReference, List<AllocationResponse> allocations,
        @Schema(nullable = true) Reversal reversal, Instant receivedAt, long version) {

    /** One allocation; {@code removedOn} is set once it was taken back (DELETE, or the payment's reversal). */
    public record AllocationResponse(UUID id, UUID invoiceId, String amount,
            @Schema(nullable = true, description = "early-payment discount settled with it") String discount,
            MatchingRule rule, String confidence, String explanation, LocalDate effectiveDate, Instant allocatedAt,
            @Schema(nullable = true) LocalDate removedOn) {
    }

    public record Reversal(String reason, LocalDate date, @Schema(nullable = true) String note, Instant reversedAt) {
    }

    public static PaymentResponse of(RecordedPayment recorded) {
        var p = recorded.payment();
        String currency = p.currency;
        return new PaymentResponse(p.id, p.customerId, Currencies.format(p.amount, currency), currency,
                Currencies.format(p.unallocatedAmount, currency), Currencies.format(p.refundedAmount, currency),
                p.valueDate, p.method, p.status, p.inReview, p.reviewReason, p.payerName, p.payerAccount,
                p.remittanceText, p.structuredReference, p.source, p.externalReference,
                recorded.allocations().stream().map(a -> allocation(a, currency)).toList(),
                p.reversedAt == null ? null : new Reversal(p.reversalReason, p.reversalDate, p.reversalNote, p.reversedAt),
                p.receivedAt, p.version);
    }

    static AllocationResponse allocation(Allocation a, String currency) {
        return new AllocationResponse(a.id, a.invoiceId, Currencies.format(a.amount, currency),
                a.discount == null ? null : Currencies.format(a.discount, currency), a.rule,
                a.confidence.setScale(2).toPlainString(), a.explanation, a.effectiveDate, a.allocatedAt, a.removedOn);
    }
}
