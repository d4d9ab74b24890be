package io.receivables.invoicing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.receivables.common.money.Currencies;
import io.receivables.invoicing.terms.PaymentTerms;
import io.receivables.invoicing.terms.StoredPaymentTerms;

@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    public UUID id;

    /** Given when issued: a draft has none, so numbering stays gap-free. */
    @Column(unique = true, length = 32)
    public String number;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public InvoiceStatus status;

    /** Null on a draft that will be dated the day it is issued. */
    @Column(name = "issue_date")
    public LocalDate issueDate;

    /** On a draft, only a due date that was asked for; otherwise it follows from the terms when issued. */
    @Column(name = "due_date")
    public LocalDate dueDate;

    @Embedded
    public StoredPaymentTerms terms;

    /** The last day the early-payment discount may be taken; null without a discount. */
    @Column(name = "discount_date")
    public LocalDate discountDate;

    @Column(name = "discount_amount")
    public BigDecimal discountAmount;

    @Column(nullable = false)
    public BigDecimal subtotal;

    @Column(name = "tax_total", nullable = false)
    public BigDecimal taxTotal;

    @Column(nullable = false)
    public BigDecimal total;

    /** What the customer still owes on it: see {@link #recomputeAmountDue()}. */
    @Column(name = "amount_due", nullable = false)
    public BigDecimal amountDue;

    /** Everything payments applied to it and not reversed, an overpayment included. */
    @Column(name = "amount_paid", nullable = false)
    public BigDecimal amountPaid = BigDecimal.ZERO;

    /** What was paid beyond what it asked for: kept here for a refund or a reallocation, never lost. */
    @Column(name = "amount_overpaid", nullable = false)
    public BigDecimal amountOverpaid = BigDecimal.ZERO;

    /** The sum of its open disputes; above zero exactly while a dispute is open. */
    @Column(name = "disputed_amount", nullable = false)
    public BigDecimal disputedAmount = BigDecimal.ZERO;

    /** The sum of the totals of its credit notes; never more than the total. */
    @Column(name = "amount_credited", nullable = false)
    public BigDecimal amountCredited = BigDecimal.ZERO;

    /** Early-payment discounts payers took (payment allocations' discount): settled, though not paid. */
    @Column(name = "amount_discounted", nullable = false)
    public BigDecimal amountDiscounted = BigDecimal.ZERO;

    /** For a fee invoice: the late-fee-assessed it bills (unique, so a redelivered event bills nothing twice). */
    @Column(name = "late_fee_id")
    public UUID lateFeeId;

    /** For a fee invoice: the overdue invoice the fee was charged on. */
    @Column(name = "fee_for_invoice_id")
    public UUID feeForInvoiceId;

    /** Issued although it took the customer's open AR over the credit limit (policy FLAG). */
    @Column(name = "credit_limit_exceeded", nullable = false)
    public boolean creditLimitExceeded;

    @Column(name = "po_number", length = 64)
    public String poNumber;

    /** The buyer reference (EN 16931 BT-10) for this invoice; null: the customer's default. */
    @Column(name = "buyer_reference", length = 200)
    public String buyerReference;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The inclusive period the invoice bills for, e.g. a subscription month; both or neither. */
    @Column(name = "billing_period_start")
    public LocalDate billingPeriodStart;

    @Column(name = "billing_period_end")
    public LocalDate billingPeriodEnd;

    @Column(length = 2000)
    public String notes;

    /** The invoice's own payment instructions in words, printed beside the seller's bank details. */
    @Column(name = "payment_instructions", length = 1000)
    public String paymentInstructions;

    @Column(name = "void_reason", length = 32)
    public String voidReason;

    @Column(name = "void_note", length = 1000)
    public String voidNote;

    /** The business date from which it is void (statements count it open before); null unless VOIDED. */
    @Column(name = "void_date")
    public LocalDate voidDate;

    /** When the void was entered, which may be later than {@link #voidDate}. */
    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "write_off_reason", length = 32)
    public String writeOffReason;

    /** The business date from which it is written off (statements count it open before); null unless WRITTEN_OFF. */
    @Column(name = "write_off_date")
    public LocalDate writeOffDate;

    @Column(name = "write_off_note", length = 1000)
    public String writeOffNote;

    @Column(name = "written_off_at")
    public Instant writtenOffAt;

    @Version
    public long version;

    /**
     * The one rule for what is due: {@code total − credited − discounted − paid}, never below zero; a voided or written-off
     * invoice
     * owes nothing whatever is paid or given back on it later (a payment after a write-off is a recovery, kept in
     * {@link #amountPaid}), and a draft will owe its total. What was paid beyond what its credit notes left due is the
     * overpayment. Every change to what was paid or credited goes through here.
     *
     * @return how much less is due than before: the part of the change that reduced the balance
     */
    public BigDecimal recomputeAmountDue() {
        BigDecimal before = amountDue == null ? BigDecimal.ZERO : amountDue;
        // an early-payment discount taken settles its part like a credit, without being paid
        BigDecimal afterCredits = total.subtract(amountCredited).subtract(amountDiscounted);
        BigDecimal remaining = afterCredits.subtract(amountPaid);
        boolean closed = status == InvoiceStatus.VOIDED || status == InvoiceStatus.WRITTEN_OFF;
        amountDue = Currencies.round(closed ? BigDecimal.ZERO : remaining.max(BigDecimal.ZERO), currency);
        amountOverpaid = Currencies.round(amountPaid.subtract(afterCredits.max(BigDecimal.ZERO)).max(BigDecimal.ZERO),
                currency);
        return before.subtract(amountDue);
    }

    /**
     * The status a collector sees on {@code today}. The stored DRAFT, VOIDED and WRITTEN_OFF win; then PAID (nothing to
     * collect, even if a dispute is still open), DISPUTED (do not chase a disputed invoice, even if overdue), OVERDUE
     * (chase it, even if partly paid), PARTIALLY_PAID, ISSUED. InvoiceRepository's status filter is the same rule in SQL.
     */
    public InvoiceStatus statusOn(LocalDate today) {
        if (status != InvoiceStatus.ISSUED) {
            return status;
        }
        if (amountDue.signum() == 0) {
            return InvoiceStatus.PAID;
        }
        if (disputedAmount.signum() > 0) {
            return InvoiceStatus.DISPUTED;
        }
        if (dueDate.isBefore(today)) {
            return InvoiceStatus.OVERDUE;
        }
        return amountPaid.signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
    }

    public PaymentTerms paymentTerms() {
        return terms.toTerms();
    }

    public void paymentTerms(PaymentTerms paymentTerms) {
        terms = StoredPaymentTerms.of(paymentTerms);
    }

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNumber")
    public List<InvoiceLine> lines = new ArrayList<>();
}
