package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * promise-broken: a promise's grace period ended ({@code holdUntil} passed) before payments on its invoices covered the
 * promised {@code amount}; {@code amountPaid} is what was paid on them since it was made. Dunning resumes for those
 * invoices. Published once per promise, instead of promise-kept.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromiseBroken(
        UUID promiseId,
        UUID customerId,
        String currency,
        @DecimalString BigDecimal amount,
        @DecimalString BigDecimal amountPaid,
        LocalDate promisedDate,
        LocalDate holdUntil,
        Instant brokenAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}: OutboxWriter writes the actor of the change into what it publishes. */
    public PromiseBroken(UUID promiseId, UUID customerId, String currency, BigDecimal amount, BigDecimal amountPaid,
            LocalDate promisedDate, LocalDate holdUntil, Instant brokenAt) {
        this(promiseId, customerId, currency, amount, amountPaid, promisedDate, holdUntil, brokenAt, null);
    }

    public PromiseBroken {
        requireNonNull(promiseId, "promiseId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(amount, "amount");
        requireNonNull(amountPaid, "amountPaid");
        requireNonNull(promisedDate, "promisedDate");
        requireNonNull(holdUntil, "holdUntil");
        requireNonNull(brokenAt, "brokenAt");
    }

    @Override
    public UUID subjectId() {
        return promiseId;
    }
}
