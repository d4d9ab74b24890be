package io.receivables.invoicing.schedule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.receivables.invoicing.terms.PaymentTerms;
import io.receivables.invoicing.terms.PaymentTermsType;

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

    /**
     * The date from which periods missed before the schedule was created were billed (the request's catchUpFrom); null
     * when none was: billing started with the first period on or after the creation day.
     */
    @Column(name = "catch_up_from")
    public LocalDate catchUpFrom;

    /** The template's currency; null: the customer's at the time each period is issued. */
    @Column(length = 3)
    public String currency;

    /** The template's payment terms, all four null: the customer's at the time each period is issued. */
    @Enumerated(EnumType.STRING)
    @Column(name = "terms_type", length = 16)
    public PaymentTermsType termsType;

    @Column(name = "terms_days")
    public Integer termsDays;

    @Column(name = "terms_discount_days")
    public Integer termsDiscountDays;

    @Column(name = "terms_discount_rate")
    public BigDecimal termsDiscountRate;

    @Column(name = "po_number", length = 64)
    public String poNumber;

    /** The template's lines, in order; few and always needed with the schedule, so loaded with it. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "billing_schedule_line", joinColumns = @JoinColumn(name = "schedule_id"))
    @OrderColumn(name = "line_index")
    public List<ScheduleLine> lines = new ArrayList<>();

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
        PaymentTerms terms = termsType == null ? null
                : new PaymentTerms(termsType, termsDays, termsDiscountDays, termsDiscountRate);
        return new InvoiceTemplate(currency, terms, poNumber, lines.stream().map(ScheduleLine::toLine).toList());
    }

    public void template(InvoiceTemplate template) {
        currency = template.currency();
        PaymentTerms terms = template.paymentTerms();
        termsType = terms == null ? null : terms.type();
        termsDays = terms == null ? null : terms.days();
        termsDiscountDays = terms == null ? null : terms.discountDays();
        termsDiscountRate = terms == null ? null : terms.discountRate();
        poNumber = template.poNumber();
        lines.clear();
        template.lines().forEach(line -> lines.add(ScheduleLine.of(line)));
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
