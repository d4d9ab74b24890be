package io.receivables.payments.plan;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An invoice a plan covers, with the baseline its payments are counted from. */
@Entity
@Table(name = "payment_plan_invoice")
@IdClass(PlanInvoice.Key.class)
public class PlanInvoice {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;

    @Column(name = "invoice_number", nullable = false, length = 64)
    public String invoiceNumber;

    /** What was open on it when the plan was made. */
    @Column(name = "open_at_start", nullable = false)
    public BigDecimal openAtStart;

    /** What this service's allocations had settled of it (amounts and discounts) when the plan was made. */
    @Column(name = "settled_at_start", nullable = false)
    public BigDecimal settledAtStart;

    /** True while the plan is ACTIVE: a unique index keeps an invoice in one active plan at most. */
    @Column(nullable = false)
    public boolean active;

    public static class Key implements Serializable {

        public UUID planId;
        public UUID invoiceId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(planId, key.planId)
                    && Objects.equals(invoiceId, key.invoiceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, invoiceId);
        }
    }
}
