package io.receivables.invoicing.creditnote.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.invoicing.creditnote.CreditNote;
import io.receivables.invoicing.invoice.rest.InvoiceResponse;

public record CreditNoteResponse(UUID id, String number, UUID invoiceId, UUID customerId,
        @Schema(nullable = true, description = "The dispute this credit note resolves; null otherwise") UUID disputeId,
        CreditNoteIssued.ReasonCode reasonCode, @Schema(nullable = true) String note, String currency, LocalDate issueDate,
        String subtotal,
        String taxTotal, String total,
        @Schema(description = "The part of the total beyond what was still due on the invoice when it was issued: a credit the customer holds (refunded or set off against other invoices)") String unappliedAmount,
        Instant issuedAt, List<InvoiceResponse.Line> lines) {

    public static CreditNoteResponse of(CreditNote note) {
        return new CreditNoteResponse(note.id, note.number, note.invoiceId, note.customerId, note.disputeId,
                note.reasonCode, note.note, note.currency, note.issueDate, money(note, note.subtotal),
                money(note, note.taxTotal), money(note, note.total), money(note, note.unappliedAmount), note.issuedAt,
                note.lines.stream().map(line -> InvoiceResponse.Line.of(line, note.currency)).toList());
    }

    private static String money(CreditNote note, java.math.BigDecimal amount) {
        return Currencies.format(amount, note.currency);
    }
}
