package io.receivables.dunning.promise.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.dunning.promise.PromiseState;
import io.receivables.dunning.promise.PromiseToPay;
import io.receivables.dunning.promise.service.PromiseView;

/** A promise to pay as the API shows it; amounts are decimal strings in its currency. */
@Schema(name = "PromiseToPay")
public record PromiseResponse(UUID id, UUID customerId,
        @Schema(description = "OPEN (holds its invoices until holdUntil), KEPT, BROKEN or CANCELLED") PromiseState state,
        String currency, String amount, LocalDate promisedDate,
        @Schema(description = "The last day reminders are held: promisedDate plus the grace period") LocalDate holdUntil,
        @Schema(nullable = true) String note,
        @Schema(nullable = true, description = "Paid on the invoices since the promise was made; set once KEPT or BROKEN") String amountPaid,
        List<PromisedInvoice> invoices, Instant createdAt, String createdBy,
        @Schema(nullable = true) Instant resolvedAt, @Schema(nullable = true) String cancelReason,
        @Schema(description = "The ETag to send in If-Match") long version) {

    /** An invoice of the promise, with what was collectable on it when the promise was made. */
    public record PromisedInvoice(UUID invoiceId, String invoiceNumber, String collectableAmount) {
    }

    public static PromiseResponse of(PromiseView view) {
        PromiseToPay p = view.promise();
        return new PromiseResponse(p.id, p.customerId, p.state, p.currency, Currencies.format(p.amount, p.currency),
                p.promisedDate, p.holdUntil, p.note,
                p.amountPaid == null ? null : Currencies.format(p.amountPaid, p.currency),
                view.invoices().stream().map(i -> new PromisedInvoice(i.invoiceId, i.invoiceNumber,
                        Currencies.format(i.collectableAmount, p.currency))).toList(),
                p.createdAt, p.createdBy, p.resolvedAt, p.cancelReason, p.version);
    }
}
