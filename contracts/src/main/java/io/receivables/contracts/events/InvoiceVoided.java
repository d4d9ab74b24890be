package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * invoice-voided: an invoice was cancelled before any payment was applied; its whole {@code total} leaves the open
 * balance from {@code effectiveDate} on. {@code note} is optional (null); so is {@code effectiveDate}, which events
 * published before it existed lack: read it with {@link #effectiveOn()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceVoided(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        String currency,
        @DecimalString BigDecimal total,
        ReasonCode reasonCode,
        String note,
        Instant voidedAt,
        LocalDate effectiveDate,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public InvoiceVoided(UUID invoiceId, String invoiceNumber, UUID customerId, String currency, BigDecimal total,
            ReasonCode reasonCode, String note, Instant voidedAt, LocalDate effectiveDate) {
        this(invoiceId, invoiceNumber, customerId, currency, total, reasonCode, note, voidedAt, effectiveDate, null);
    }

    @Schema(name = "VoidReasonCode")
    public enum ReasonCode {
        ISSUED_IN_ERROR,
        DUPLICATE,
        ORDER_CANCELLED,
        REISSUED,
        OTHER
    }

    public InvoiceVoided {
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(total, "total");
        requireNonNull(reasonCode, "reasonCode");
        requireNonNull(voidedAt, "voidedAt");
    }

    /** An invoice-voided as published before it carried its business date: void from the day it was entered. */
    public InvoiceVoided(UUID invoiceId, String invoiceNumber, UUID customerId, String currency, BigDecimal total,
            ReasonCode reasonCode, String note, Instant voidedAt) {
        this(invoiceId, invoiceNumber, customerId, currency, total, reasonCode, note, voidedAt, null, null);
    }

    /**
     * The business date from which the invoice is void: {@code effectiveDate}, or for an event without one (published
     * before the field existed) the UTC date of {@code voidedAt}, the day it was entered.
     */
    public LocalDate effectiveOn() {
        return effectiveDate != null ? effectiveDate : voidedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    @Override
    public UUID subjectId() {
        return invoiceId;
    }
}
