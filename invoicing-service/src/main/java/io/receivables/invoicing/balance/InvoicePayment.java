package io.receivables.invoicing.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One allocation of a payment to an invoice, dated: payment-received gives one per invoice it pays, each later
 * payment-allocated of the same payment another. What the payment paid on the invoice is the sum of its allocations
 * there, which a reversal gives back exactly, once; a statement as of a date counts each allocation from its own
 * {@link #paidOn}.
 */
@Entity
@Table(name = "invoice_payment")
public class InvoicePayment {

    @Id
    public UUID id;

    @Column(name = "payment_id", nullable = false)
    public UUID paymentId;

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    /** The early-payment discount the payer took with this allocation; null when none. */
    public BigDecimal discount;

    /** When the payment was reversed; the amount then no longer counts as paid. */
    @Column(name = "reversed_at")
    public Instant reversedAt;

    /**
     * The business date from which this allocation counts as paid: the payment's value date, or for a later allocation
     * of money already received, the day it was allocated. A statement as of a date reads this, not {@link #appliedAt}.
     */
    @Column(name = "paid_on", nullable = false)
    public LocalDate paidOn;

    /** The reversal's business date; from then on the amount no longer counts as paid. */
    @Column(name = "reversed_on")
    public LocalDate reversedOn;

    public static InvoicePayment of(UUID paymentId, UUID invoiceId, BigDecimal amount, Instant appliedAt,
            LocalDate paidOn) {
        InvoicePayment payment = new InvoicePayment();
        payment.id = UUID.randomUUID();
        payment.paymentId = paymentId;
        payment.invoiceId = invoiceId;
        payment.amount = amount;
        payment.appliedAt = appliedAt;
        payment.paidOn = paidOn;
        return payment;
    }

    public boolean reversed() {
        return reversedAt != null;
    }
}
