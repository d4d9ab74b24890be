package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * reminder-sent: a dunning reminder about the overdue {@code invoiceIds} went out. {@code level} is the dunning policy
 * step (1 = first reminder); {@code templateId} is optional (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReminderSent(
        UUID reminderId,
        UUID customerId,
        int level,
        Channel channel,
        String templateId,
        List<UUID> invoiceIds,
        String currency,
        @DecimalString BigDecimal amountOverdue,
        Instant sentAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public ReminderSent(UUID reminderId, UUID customerId, int level, Channel channel, String templateId, List<UUID> invoiceIds,
            String currency, BigDecimal amountOverdue, Instant sentAt) {
        this(reminderId, customerId, level, channel, templateId, invoiceIds, currency, amountOverdue, sentAt, null);
    }

    public enum Channel {
        EMAIL,
        LETTER,
        SMS,
        PHONE_CALL
    }

    public ReminderSent {
        requireNonNull(reminderId, "reminderId");
        requireNonNull(customerId, "customerId");
        requireNonNull(channel, "channel");
        invoiceIds = List.copyOf(requireNonNull(invoiceIds, "invoiceIds"));
        requireNonNull(currency, "currency");
        requireNonNull(amountOverdue, "amountOverdue");
        requireNonNull(sentAt, "sentAt");
    }

    @Override
    public UUID subjectId() {
        return reminderId;
    }
}
