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
 * promise-made: a customer promised to pay {@code amount} on its {@code invoiceIds} by {@code promisedDate}; dunning
 * holds reminders for those invoices until {@code holdUntil} (the date plus the grace period). Followed by exactly one
 * promise-kept or promise-broken, unless a collector cancels it. {@code note} is optional (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromiseMade(
        UUID promiseId,
        UUID customerId,
        List<UUID> invoiceIds,
        String currency,
        @DecimalString BigDecimal amount,
        LocalDate promisedDate,
        LocalDate holdUntil,
        String note,
        Instant madeAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}: OutboxWriter writes the actor of the change into what it publishes. */
    public PromiseMade(UUID promiseId, UUID customerId, List<UUID> invoiceIds, String currency, BigDecimal amount,
            LocalDate promisedDate, LocalDate holdUntil, String note, Instant madeAt) {
        this(promiseId, customerId, invoiceIds, currency, amount, promisedDate, holdUntil, note, madeAt, null);
    }

    public PromiseMade {
        requireNonNull(promiseId, "promiseId");
        requireNonNull(customerId, "customerId");
        invoiceIds = List.copyOf(requireNonNull(invoiceIds, "invoiceIds"));
        requireNonNull(currency, "currency");
        requireNonNull(amount, "amount");
        requireNonNull(promisedDate, "promisedDate");
        requireNonNull(holdUntil, "holdUntil");
        requireNonNull(madeAt, "madeAt");
    }

    @Override
    public UUID subjectId() {
        return promiseId;
    }
}
