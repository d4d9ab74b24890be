package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * promise-kept: the payments settled on a promise's invoices since it was made ({@code amountPaid}) cover the promised
 * {@code amount}. Published once per promise, instead of promise-broken.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromiseKept(
        UUID promiseId,
        UUID customerId,
        String currency,
        @DecimalString BigDecimal amount,
        @DecimalString BigDecimal amountPaid,
        LocalDate promisedDate,
        Instant keptAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}: OutboxWriter writes the actor of the change into what it publishes. */
    public PromiseKept(UUID promiseId, UUID customerId, String currency, BigDecimal amount, BigDecimal amountPaid,
            LocalDate promisedDate, Instant keptAt) {
        this(promiseId, customerId, currency, amount, amountPaid, promisedDate, keptAt, null);
    }

    public PromiseKept {
        requireNonNull(promiseId, "promiseId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(amount, "amount");
        requireNonNull(amountPaid, "amountPaid");
        requireNonNull(promisedDate, "promisedDate");
        requireNonNull(keptAt, "keptAt");
    }

    @Override
    public UUID subjectId() {
        return promiseId;
    }
}
