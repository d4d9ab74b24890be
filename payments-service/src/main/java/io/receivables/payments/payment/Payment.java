package io.receivables.payments.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.receivables.contracts.events.PaymentReceived;

/**
 * Money received. {@code amount = allocated + unallocatedAmount + refundedAmount}; the unallocated part is the
 * customer's unapplied cash. A payment whose payer is not identified has no customer yet and publishes nothing until an
 * accountant assigns it.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "unallocated_amount", nullable = false)
    public BigDecimal unallocatedAmount;

    @Column(name = "refunded_amount", nullable = false)
    public BigDecimal refundedAmount = BigDecimal.ZERO;

    @Column(name = "value_date", nullable = false)
    public LocalDate valueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PaymentReceived.Method method;

    @Column(name = "payer_name", length = 140)
    public String payerName;

    @Column(name = "payer_account", length = 34)
    public String payerAccount;

    @Column(name = "remittance_text", length = 1000)
    public String remittanceText;

    @Column(name = "structured_reference", length = 35)
    public String structuredReference;

    @Column(nullable = false, length = 32)
    public String source;

    @Column(name = "external_reference", length = 200)
    public String externalReference;

    /** The payer's end-to-end id from a bank statement, which a later return quotes; null for other sources. */
    @Column(name = "end_to_end_id", length = 35)
    public String endToEndId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public PaymentStatus status;

    @Column(name = "in_review", nullable = false)
    public boolean inReview;

    @Column(name = "review_reason", length = 500)
    public String reviewReason;

    /** Whether payment-received went out: once the customer is known. */
    @Column(nullable = false)
    public boolean published;

    @Column(name = "reversal_reason", length = 20)
    public String reversalReason;

    @Column(name = "reversal_date")
    public LocalDate reversalDate;

    @Column(name = "reversal_note", length = 1000)
    public String reversalNote;

    @Column(name = "reversed_at")
    public Instant reversedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Version
    public long version;

    /** The status its amounts give: nothing, part or all of it allocated (or refunded); reversal is final. */
    public void deriveStatus() {
        if (reversedAt != null) {
            status = PaymentStatus.REVERSED;
        } else if (unallocatedAmount.signum() == 0) {
            status = PaymentStatus.APPLIED;
        } else if (unallocatedAmount.add(refundedAmount).compareTo(amount) < 0) {
            status = PaymentStatus.PARTIALLY_APPLIED;
        } else {
            status = PaymentStatus.UNAPPLIED;
        }
    }
}
