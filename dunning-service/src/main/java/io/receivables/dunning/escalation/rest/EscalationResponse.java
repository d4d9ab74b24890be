package io.receivables.dunning.escalation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.dunning.escalation.EscalatedAccount;
import io.receivables.dunning.escalation.EscalationStatus;
import io.receivables.dunning.escalation.service.EscalationView;
import io.receivables.dunning.policy.Escalation;

/** An escalation as the API shows it; amounts are decimal strings in its currency. */
@Schema(name = "EscalatedAccount")
public record EscalationResponse(UUID id, UUID customerId, UUID runId,
        @Schema(description = "AGENCY (account-escalated level EXTERNAL_AGENCY) or LEGAL") Escalation level,
        int stepNumber, String currency,
        @Schema(description = "The sum of the invoices' escalated amounts") String amount,
        @Schema(nullable = true) String reason,
        @Schema(description = "ACTIVE (its invoices get no reminders) or RECALLED") EscalationStatus status,
        List<EscalatedInvoice> invoices, Instant escalatedAt, String escalatedBy,
        @Schema(nullable = true) Instant recalledAt, @Schema(nullable = true) String recalledBy,
        @Schema(nullable = true) String recallReason,
        @Schema(description = "The ETag to send in If-Match") long version) {

    public record EscalatedInvoice(UUID invoiceId, String invoiceNumber, String amount) {
    }

    public static EscalationResponse of(EscalationView view) {
        EscalatedAccount e = view.escalation();
        return new EscalationResponse(e.id, e.customerId, e.runId, e.level, e.stepNumber, e.currency,
                Currencies.format(e.amount, e.currency), e.reason, e.status,
                view.invoices().stream().map(i -> new EscalatedInvoice(i.invoiceId, i.invoiceNumber,
                        Currencies.format(i.amount, e.currency))).toList(),
                e.escalatedAt, e.escalatedBy, e.recalledAt, e.recalledBy, e.recallReason, e.version);
    }
}
