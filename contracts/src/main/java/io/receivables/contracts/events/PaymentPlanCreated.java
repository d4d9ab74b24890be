package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * payment-plan-created: the customer pays {@code invoices} by the optional {@code downPayment} and then the
 * {@code instalments} (numbered from 1, due dates ascending), which together add up to {@code total}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentPlanCreated(
        UUID planId,
        UUID customerId,
        String currency,
        @DecimalString BigDecimal total,
        List<CoveredInvoice> invoices,
        DownPayment downPayment,
        List<Instalment> instalments,
        Instant createdAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}: OutboxWriter writes the actor of the change into what it publishes. */
    public PaymentPlanCreated(UUID planId, UUID customerId, String currency, BigDecimal total,
            List<CoveredInvoice> invoices, DownPayment downPayment, List<Instalment> instalments, Instant createdAt) {
        this(planId, customerId, currency, total, invoices, downPayment, instalments, createdAt, null);
    }

    /** An invoice the plan covers, with what was open on it when the plan was made. */
    public record CoveredInvoice(UUID invoiceId, String invoiceNumber, @DecimalString BigDecimal openAmount) {
        public CoveredInvoice {
            requireNonNull(invoiceId, "invoiceId");
            requireNonNull(invoiceNumber, "invoiceNumber");
            requireNonNull(openAmount, "openAmount");
        }
    }

    /** Paid first, on its due date. */
    public record DownPayment(LocalDate dueDate, @DecimalString BigDecimal amount) {
        public DownPayment {
            requireNonNull(dueDate, "dueDate");
            requireNonNull(amount, "amount");
        }
    }

    public record Instalment(int number, LocalDate dueDate, @DecimalString BigDecimal amount) {
        public Instalment {
            requireNonNull(dueDate, "dueDate");
            requireNonNull(amount, "amount");
        }
    }

    public PaymentPlanCreated {
        requireNonNull(planId, "planId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(total, "total");
        invoices = List.copyOf(requireNonNull(invoices, "invoices"));
        instalments = List.copyOf(requireNonNull(instalments, "instalments"));
        requireNonNull(createdAt, "createdAt");
    }

    @Override
    public UUID subjectId() {
        return planId;
    }
}
