package io.receivables.payments.payment.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.PaymentAllocated;
import io.receivables.contracts.events.PaymentAllocation;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.payments.payment.Allocation;
import io.receivables.payments.payment.Payment;

/** The events of a payment, as the contracts define them; amounts at the currency's scale. */
final class PaymentEvents {

    /** payment-received's reference: the structured reference, else the remittance text, cut to 140 characters. */
    static final int REFERENCE_LENGTH = 140;

    private PaymentEvents() {
    }

    static PaymentReceived received(Payment payment, List<Allocation> allocations, Instant at) {
        String reference = payment.structuredReference != null ? payment.structuredReference
                : payment.remittanceText;
        if (reference != null && reference.length() > REFERENCE_LENGTH) {
            reference = reference.substring(0, REFERENCE_LENGTH);
        }
        return new PaymentReceived(payment.id, payment.customerId, payment.currency,
                money(payment.amount, payment.currency), payment.valueDate, payment.method,
                reference == null || reference.isBlank() ? null : reference, allocations(allocations, payment.currency),
                money(payment.unallocatedAmount, payment.currency), at);
    }

    /** {@code effectiveDate} is published only when it is not the UTC day of {@code at}. */
    static PaymentAllocated allocated(Payment payment, List<Allocation> added, Instant at, LocalDate effectiveDate) {
        boolean sameDay = effectiveDate.equals(LocalDate.ofInstant(at, ZoneOffset.UTC));
        return new PaymentAllocated(payment.id, payment.customerId, payment.currency,
                allocations(added, payment.currency), money(payment.unallocatedAmount, payment.currency), at,
                sameDay ? null : effectiveDate);
    }

    static List<PaymentAllocation> allocations(List<Allocation> allocations, String currency) {
        return allocations.stream().map(a -> new PaymentAllocation(a.invoiceId, money(a.amount, currency),
                a.discount == null ? null : money(a.discount, currency))).toList();
    }

    static BigDecimal money(BigDecimal amount, String currency) {
        return Currencies.round(amount, currency);
    }
}
