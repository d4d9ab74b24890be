package io.receivables.payments.payment.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.receivables.payments.matching.CashApplication;
import io.receivables.payments.matching.MatchingRule;
import io.receivables.payments.payment.Allocation;
import io.receivables.payments.payment.Payment;
import io.receivables.payments.receivable.ReceivableInvoice;

/**
 * The one place an allocation moves money between a payment and an invoice, both ways: the payment's unallocated
 * amount and the invoice's open amount change together. The invoice must be locked by the caller.
 */
final class InvoiceAllocations {

    private InvoiceAllocations() {
    }

    static Allocation allocate(Payment payment, ReceivableInvoice invoice, BigDecimal amount, BigDecimal discount,
            MatchingRule rule, BigDecimal confidence, String explanation, LocalDate effectiveDate, Instant now) {
        Allocation allocation = new Allocation();
        allocation.id = UUID.randomUUID();
        allocation.paymentId = payment.id;
        allocation.invoiceId = invoice.id;
        allocation.amount = amount;
        allocation.discount = discount;
        allocation.rule = rule;
        allocation.confidence = CashApplication.confidence(confidence);
        allocation.explanation = PaymentRecording.cut(explanation, 500);
        allocation.effectiveDate = effectiveDate;
        allocation.allocatedAt = now;
        invoice.amountAllocated = invoice.amountAllocated.add(amount);
        if (discount != null) {
            invoice.amountDiscounted = invoice.amountDiscounted.add(discount);
        }
        invoice.recomputeOpenAmount();
        return allocation;
    }

    /** Takes the allocation back: its invoice is open by it again (and by its discount, which no longer applies). */
    static void remove(Allocation allocation, ReceivableInvoice invoice, LocalDate on, Instant now) {
        allocation.removedOn = on;
        allocation.removedAt = now;
        invoice.amountAllocated = invoice.amountAllocated.subtract(allocation.amount);
        if (allocation.discount != null) {
            invoice.amountDiscounted = invoice.amountDiscounted.subtract(allocation.discount);
        }
        invoice.recomputeOpenAmount();
    }
}
