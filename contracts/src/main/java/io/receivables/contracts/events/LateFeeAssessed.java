package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * late-fee-assessed: a late-payment charge on an overdue invoice. {@code annualInterestRate} (a fraction) is set for
 * {@link Kind#INTEREST} and null for {@link Kind#FIXED_FEE}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LateFeeAssessed(
        UUID lateFeeId,
        UUID customerId,
        UUID invoiceId,
        String currency,
        @DecimalString BigDecimal amount,
        Kind kind,
        @DecimalString BigDecimal annualInterestRate,
        int daysOverdue,
        LocalDate assessmentDate,
        Instant assessedAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public LateFeeAssessed(UUID lateFeeId, UUID customerId, UUID invoiceId, String currency, BigDecimal amount, Kind kind,
            BigDecimal annualInterestRate, int daysOverdue, LocalDate assessmentDate, Instant assessedAt) {
        this(lateFeeId, customerId, invoiceId, currency, amount, kind, annualInterestRate, daysOverdue, assessmentDate,
                assessedAt, null);
    }

    public enum Kind {
        /** A flat charge, e.g. the EU late payment directive's 40 EUR recovery compensation. */
        FIXED_FEE,
        /** Interest on the overdue amount at annualInterestRate for daysOverdue days. */
        INTEREST
    }

    public LateFeeAssessed {
        requireNonNull(lateFeeId, "lateFeeId");
        requireNonNull(customerId, "customerId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(currency, "currency");
        requireNonNull(amount, "amount");
        requireNonNull(kind, "kind");
        requireNonNull(assessmentDate, "assessmentDate");
        requireNonNull(assessedAt, "assessedAt");
    }

    @Override
    public UUID subjectId() {
        return lateFeeId;
    }
}
