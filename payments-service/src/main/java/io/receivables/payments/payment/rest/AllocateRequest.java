package io.receivables.payments.payment.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.payments.payment.service.PaymentChanges;
import io.receivables.payments.payment.service.RecordPayment;

/** The body of POST /payments/{id}/allocations. */
public record AllocateRequest(
        @Schema(description = "Assigns a payment whose payer was not identified to this customer") UUID customerId,
        @Schema(description = "The invoices to pay from the payment's unapplied cash") @Size(max = 100) List<RecordPaymentRequest.@NotNull @Valid AllocationRequest> allocations,
        @Schema(description = "The day the allocations count from; default today (UTC), not before the payment's value date, not in the future") LocalDate effectiveDate) {

    public PaymentChanges.Allocate command() {
        return new PaymentChanges.Allocate(customerId, allocations == null ? List.of()
                : allocations.stream()
                        .map(a -> new RecordPayment.RequestedAllocation(a.invoiceId(), new BigDecimal(a.amount())))
                        .toList(),
                effectiveDate);
    }
}
