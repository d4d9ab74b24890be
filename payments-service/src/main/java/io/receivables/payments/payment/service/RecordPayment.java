package io.receivables.payments.payment.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.receivables.contracts.events.PaymentReceived;

/**
 * A payment to record, from whatever source: the REST API, a bank statement line, a gateway webhook. The pair
 * {@code (source, externalReference)} identifies it at its source: recording the same pair again records nothing and
 * returns the payment recorded first. Field names in rejections are this command's (the REST body uses the same).
 *
 * @param source where it came from, e.g. {@code API}, {@code CAMT053}, {@code STRIPE} (1 to 32 characters)
 * @param externalReference the source's own id of it (bank reference, Stripe event id); null: no deduplication
 * @param customerId null when the payer is to be identified (payer account seen before, references in the text)
 * @param payerAccount an IBAN, in any spacing and case; null when unknown
 * @param allocations explicit allocations; empty: cash application decides
 */
public record RecordPayment(String source, String externalReference, UUID customerId, BigDecimal amount,
        String currency, LocalDate valueDate, PaymentReceived.Method method, String payerName, String payerAccount,
        String remittanceText, String structuredReference, List<RequestedAllocation> allocations) {

    public RecordPayment {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    /** An allocation the payer or the accountant asked for. */
    public record RequestedAllocation(UUID invoiceId, BigDecimal amount) {
    }
}
