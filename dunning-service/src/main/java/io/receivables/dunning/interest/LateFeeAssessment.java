package io.receivables.dunning.interest;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** What one dunning step charged one invoice (db/dunning-021-late-fee-assessments.sql); never changed once written. */
@Entity
@Table(name = "late_fee_assessment")
public class LateFeeAssessment {

    @EmbeddedId
    public Key id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false)
    public String jurisdiction;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "assessment_date", nullable = false)
    public LocalDate assessmentDate;

    @Column(name = "days_overdue", nullable = false)
    public int daysOverdue;

    @Column(nullable = false)
    public BigDecimal interest;

    @Column(name = "interest_rate_percent")
    public BigDecimal interestRatePercent;

    @Column(name = "step_fee", nullable = false)
    public BigDecimal stepFee;

    @Column(nullable = false)
    public BigDecimal compensation;

    @Column(name = "fee_invoice", nullable = false)
    public boolean feeInvoice;

    @Column(name = "interest_fee_id")
    public UUID interestFeeId;

    @Column(name = "step_fee_id")
    public UUID stepFeeId;

    @Column(name = "compensation_fee_id")
    public UUID compensationFeeId;

    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;

    /** An invoice and the dunning step that charged it. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "invoice_id", nullable = false)
        public UUID invoiceId;

        @Column(nullable = false)
        public int step;

        public Key() {
        }

        public Key(UUID invoiceId, int step) {
            this.invoiceId = invoiceId;
            this.step = step;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && step == key.step && Objects.equals(invoiceId, key.invoiceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(invoiceId, step);
        }
    }
}
