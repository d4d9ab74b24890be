package io.receivables.payments.payment.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.payments.matching.CashApplication;
import io.receivables.payments.matching.MatchingRule;
import io.receivables.payments.payment.Allocation;
import io.receivables.payments.payment.Payment;
import io.receivables.payments.receivable.InvoiceState;
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

    /**
     * Explicit allocations against the locked invoices: each must exist, be the customer's, be in the payment's
     * currency, be open, and have at least the allocated amount open.
     */
    static void check(List<RecordPayment.RequestedAllocation> requestedAllocations, UUID customerId, String currency,
            Map<UUID, ReceivableInvoice> byId) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requestedAllocations.size(); i++) {
            RecordPayment.RequestedAllocation requested = requestedAllocations.get(i);
            String field = "allocations[" + i + "]";
            ReceivableInvoice invoice = byId.get(requested.invoiceId());
            if (invoice == null) {
                throw ProblemException.unknownReference(field + ".invoiceId",
                        "no invoice " + requested.invoiceId() + " is known to payments");
            }
            if (!invoice.customerId.equals(customerId)) {
                errors.add(new FieldError(field + ".invoiceId", "invoice " + invoice.number
                        + " belongs to another customer than the payment's"));
            } else if (!invoice.currency.equals(currency)) {
                errors.add(new FieldError("currency", "is " + currency + " but invoice " + invoice.number
                        + " is in " + invoice.currency + "; amounts are never converted"));
            } else if (invoice.state != InvoiceState.OPEN) {
                errors.add(new FieldError(field + ".invoiceId", "invoice " + invoice.number + " is "
                        + invoice.state + " and owes nothing"));
            } else if (requested.amount().compareTo(invoice.openAmount) > 0) {
                errors.add(new FieldError(field + ".amount", "is more than the " + invoice.openAmount.toPlainString()
                        + " " + invoice.currency + " open on invoice " + invoice.number));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

}
