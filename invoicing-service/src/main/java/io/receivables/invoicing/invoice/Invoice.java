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

    /** What the customer still owes on it: the total, less payments, credit notes and write-offs applied. */
    @Column(name = "amount_due", nullable = false)
    public BigDecimal amountDue;

    /** The sum of the totals of its credit notes; never more than the total. */
    @Column(name = "amount_credited", nullable = false)
    public BigDecimal amountCredited = BigDecimal.ZERO;

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

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "write_off_reason", length = 32)
    public String writeOffReason;

    @Column(name = "write_off_date")
    public LocalDate writeOffDate;

    @Column(name = "write_off_note", length = 1000)
    public String writeOffNote;

    @Column(name = "written_off_at")
    public Instant writtenOffAt;

    @Version
    public long version;

    /**
     * The one balance rule: an ISSUED invoice owes its total less what was credited, never below zero; a voided or
     * written-off one owes nothing. Every change to what was credited goes through here.
     *
     * @return how much less is due than before: the part of the change that reduced the balance
     */
    public BigDecimal recomputeAmountDue() {
        BigDecimal zero = Currencies.round(BigDecimal.ZERO, currency);
        BigDecimal before = amountDue == null ? zero : amountDue;
        // a draft will owe its total; nothing can be credited on it yet
        BigDecimal open = status == InvoiceStatus.ISSUED || status == InvoiceStatus.DRAFT ? total.subtract(amountCredited)
                : zero;
        amountDue = Currencies.round(open.max(zero), currency);
        return before.subtract(amountDue);
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
