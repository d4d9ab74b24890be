package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * invoice-voided: an invoice was cancelled before any payment was applied; its whole {@code total} leaves the open
 * balance. {@code note} is optional (null).
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
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public InvoiceVoided(UUID invoiceId, String invoiceNumber, UUID customerId, String currency, BigDecimal total,
            ReasonCode reasonCode, String note, Instant voidedAt) {
        this(invoiceId, invoiceNumber, customerId, currency, total, reasonCode, note, voidedAt, null);
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

    @Override
    public UUID subjectId() {
        return invoiceId;
    }
}
