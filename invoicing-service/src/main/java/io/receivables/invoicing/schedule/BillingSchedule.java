package io.receivables.invoicing.schedule;

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

import io.receivables.contracts.json.EventJson;

/** A recurring invoice: what to bill a customer, how often, from when and until when. */
@Entity
@Table(name = "billing_schedule")
public class BillingSchedule {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Frequency frequency;

    @Column(name = "anchor_day", nullable = false)
    public int anchorDay;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    /** Inclusive: no period starts after it; null for open-ended. */
    @Column(name = "end_date")
    public LocalDate endDate;

    /** JSON text of an {@link InvoiceTemplate}. */
    @Column(name = "invoice_template", nullable = false)
    public String invoiceTemplate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ScheduleStatus status;

    /** The start of the next period to issue; null once cancelled or completed. */
    @Column(name = "next_period_start")
    public LocalDate nextPeriodStart;

    /** Why the last attempt to issue failed; cleared when a period is issued. */
    @Column(name = "last_error", length = 1000)
    public String lastError;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public InvoiceTemplate template() {
        return EventJson.read(invoiceTemplate, InvoiceTemplate.class);
    }

    public void template(InvoiceTemplate template) {
        invoiceTemplate = EventJson.write(template);
    }

    public BillingCalendar calendar() {
        return new BillingCalendar(frequency, anchorDay);
    }

    /**
     * Moves on to the period starting {@code start}, or completes the schedule when that lies after the end date.
     */
    public void nextPeriodFrom(LocalDate start) {
        if (endDate != null && start.isAfter(endDate)) {
            status = ScheduleStatus.COMPLETED;
            nextPeriodStart = null;
        } else {
            nextPeriodStart = start;
        }
    }
}
