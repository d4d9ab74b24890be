package io.receivables.invoicing.schedule;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One issued period of a schedule; its key (schedule, period start) is what makes every period issue once. */
@Entity
@Table(name = "billing_schedule_run")
@IdClass(ScheduleRun.Key.class)
public class ScheduleRun {

    @Id
    @Column(name = "schedule_id")
    public UUID scheduleId;

    @Id
    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(name = "invoice_number", nullable = false, length = 32)
    public String invoiceNumber;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** The composite key, as JPA wants it: a class with the id fields' names, equal by value. */
    public static class Key implements Serializable {

        public UUID scheduleId;
        public LocalDate periodStart;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(scheduleId, key.scheduleId)
                    && Objects.equals(periodStart, key.periodStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scheduleId, periodStart);
        }
    }
}
