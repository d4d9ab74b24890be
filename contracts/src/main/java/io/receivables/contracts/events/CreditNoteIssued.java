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
 * credit-note-issued: the customer's balance goes down by {@code total}. With {@code invoiceId} the credit applies to
 * that invoice, without it to the customer's account; {@code disputeId} is set when a dispute resolution caused it.
 * {@code invoiceId}, {@code disputeId} and {@code note} are optional (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditNoteIssued(
        UUID creditNoteId,
        String creditNoteNumber,
        UUID customerId,
        UUID invoiceId,
        UUID disputeId,
        String currency,
        LocalDate issueDate,
        ReasonCode reasonCode,
        @DecimalString BigDecimal subtotal,
        @DecimalString BigDecimal taxTotal,
        @DecimalString BigDecimal total,
        String note,
        Instant issuedAt,
        Actor actor) implements ReceivablesEvent {

    /** The event without an {@link Actor}, as events written before it existed were. */
    public CreditNoteIssued(UUID creditNoteId, String creditNoteNumber, UUID customerId, UUID invoiceId, UUID disputeId,
            String currency, LocalDate issueDate, ReasonCode reasonCode, BigDecimal subtotal, BigDecimal taxTotal,
            BigDecimal total, String note, Instant issuedAt) {
        this(creditNoteId, creditNoteNumber, customerId, invoiceId, disputeId, currency, issueDate, reasonCode, subtotal,
                taxTotal, total, note, issuedAt, null);
    }

    @Schema(name = "CreditNoteReasonCode")
    public enum ReasonCode {
        DISPUTE_RESOLUTION,
        PRICING_ERROR,
        RETURNED_GOODS,
        SERVICE_ISSUE,
        GOODWILL,
        LATE_FEE_WAIVER,
        OTHER
    }

    public CreditNoteIssued {
        requireNonNull(creditNoteId, "creditNoteId");
        requireNonNull(creditNoteNumber, "creditNoteNumber");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(issueDate, "issueDate");
        requireNonNull(reasonCode, "reasonCode");
        requireNonNull(subtotal, "subtotal");
        requireNonNull(taxTotal, "taxTotal");
        requireNonNull(total, "total");
        requireNonNull(issuedAt, "issuedAt");
    }

    @Override
    public UUID subjectId() {
        return creditNoteId;
    }
}
