package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.receivables.contracts.json.DecimalString;

/**
 * invoice-written-off: an invoice's remaining open {@code amount} was written off as bad debt; the invoice itself stays
 * valid. {@code note} is optional (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceWrittenOff(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        String currency,
        @DecimalString BigDecimal amount,
        ReasonCode reasonCode,
        LocalDate writeOffDate,
        String note,
        Instant writtenOffAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public InvoiceWrittenOff(UUID invoiceId, String invoiceNumber, UUID customerId, String currency, BigDecimal amount,
            ReasonCode reasonCode, LocalDate writeOffDate, String note, Instant writtenOffAt) {
        this(invoiceId, invoiceNumber, customerId, currency, amount, reasonCode, writeOffDate, note, writtenOffAt, null);
    }

    @Schema(name = "WriteOffReasonCode")
    public enum ReasonCode {
        UNCOLLECTIBLE,
        CUSTOMER_INSOLVENT,
        SMALL_BALANCE,
        TIME_BARRED,
        OTHER
    }

    public InvoiceWrittenOff {
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(amount, "amount");
        requireNonNull(reasonCode, "reasonCode");
        requireNonNull(writeOffDate, "writeOffDate");
        requireNonNull(writtenOffAt, "writtenOffAt");
    }

    @Override
    public UUID subjectId() {
        return invoiceId;
    }
}
