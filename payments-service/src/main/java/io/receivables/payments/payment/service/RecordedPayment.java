package io.receivables.payments.payment.service;

import java.util.List;

import io.receivables.payments.payment.Allocation;
import io.receivables.payments.payment.Payment;

/**
 * A payment with all its allocations (removed ones included); {@code duplicate} when recording it found it recorded
 * before under the same source and external reference, and recorded nothing.
 */
public record RecordedPayment(Payment payment, List<Allocation> allocations, boolean duplicate) {

    public List<Allocation> active() {
        return allocations.stream().filter(Allocation::active).toList();
    }
}
