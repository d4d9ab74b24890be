package io.receivables.payments.plan;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One amount a plan is paid by: number 0 is the down payment, the instalments count from 1 in due-date order. */
@Entity
@Table(name = "payment_plan_instalment")
@IdClass(PlanInstalment.Key.class)
public class PlanInstalment {

    /** The number of a down payment. */
    public static final int DOWN_PAYMENT = 0;

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id
    public int number;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public BigDecimal amount;

    public Progress.Scheduled scheduled() {
        return new Progress.Scheduled(number, dueDate, amount);
    }

    public static class Key implements Serializable {

        public UUID planId;
        public int number;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(planId, key.planId) && number == key.number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, number);
        }
    }
}
