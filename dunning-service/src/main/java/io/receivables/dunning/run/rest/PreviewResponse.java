package io.receivables.dunning.run.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.dunning.run.CustomerPlan;
import io.receivables.dunning.run.DueStep;
import io.receivables.dunning.run.PlannedMessage;
import io.receivables.dunning.run.RunOutcome;
import io.receivables.dunning.run.SkipReason;
import io.receivables.dunning.run.service.DunningRuns;
import io.receivables.dunning.template.Channel;

/** What a run on {@code asOf} would send, per candidate customer; nothing is written. */
@Schema(name = "DunningRunPreview")
public record PreviewResponse(LocalDate asOf, List<CustomerItem> items,
        @Schema(nullable = true, description = "null on the last page") String nextCursor) {

    @Schema(name = "DunningRunPreviewCustomer")
    public record CustomerItem(UUID customerId,
            @Schema(description = "MESSAGED: would be sent messages; else why not") RunOutcome outcome,
            @Schema(nullable = true, description = "The policy that applies; null when none") UUID policyId,
            @Schema(nullable = true) Long policyVersion, List<MessageItem> messages, List<SkipItem> skipped) {
    }

    @Schema(name = "DunningRunPreviewMessage")
    public record MessageItem(Channel channel, String currency, String templateKey,
            @Schema(description = "The highest step among its invoices: it chose the template") int stepNumber,
            String recipient, @Schema(description = "Open less disputed, before fees and interest") String amountDue,
            List<InvoiceItem> invoices) {
    }

    @Schema(name = "DunningRunPreviewInvoice")
    public record InvoiceItem(UUID invoiceId, String invoiceNumber, int stepNumber,
            @Schema(description = "The date its days count from: its due date or the overdue plan instalment's") LocalDate dueDate,
            @Schema(description = "Days past dueDate (negative: before it)") long daysPastDue, String openAmount,
            String disputedAmount, String amountDue, boolean feeInvoice,
            @Schema(nullable = true, description = "The step's fixed fee in the policy's currency, if any; charged when the run sends it") String stepFee,
            boolean assessesInterest) {
    }

    @Schema(name = "DunningRunPreviewSkip")
    public record SkipItem(SkipReason reason, @Schema(nullable = true) Channel channel,
            @Schema(nullable = true) UUID invoiceId) {
    }

    public static PreviewResponse of(DunningRuns.Preview preview) {
        return new PreviewResponse(preview.asOf(), preview.customers().stream().map(PreviewResponse::customer)
                .toList(), preview.nextCursor());
    }

    private static CustomerItem customer(DunningRuns.CustomerPreview preview) {
        var decision = preview.decision();
        CustomerPlan plan = decision.plan();
        return new CustomerItem(preview.customerId(), decision.outcome(),
                decision.policy() == null ? null : decision.policy().policy().id,
                decision.policy() == null ? null : decision.policy().version().version,
                plan.messages().stream().map(PreviewResponse::message).toList(),
                plan.skipped().stream().map(s -> new SkipItem(s.reason(), s.channel(), s.invoiceId())).toList());
    }

    private static MessageItem message(PlannedMessage message) {
        String currency = message.currency();
        return new MessageItem(message.channel(), currency, message.templateKey(), message.highestStep().number(),
                message.recipient(), Currencies.format(message.amountDue(), currency),
                message.invoices().stream().map(PreviewResponse::invoice).toList());
    }

    private static InvoiceItem invoice(DueStep due) {
        var item = due.item();
        String currency = item.currency();
        return new InvoiceItem(item.invoiceId(), item.invoiceNumber(), due.step().number(), due.effectiveDueDate(),
                due.daysPastDue(), Currencies.format(item.openAmount(), currency),
                Currencies.format(item.disputedAmount(), currency), Currencies.format(item.collectableAmount(), currency),
                item.feeInvoice(), due.step().fee() == null || item.feeInvoice() ? null : due.step().fee().toPlainString(),
                due.step().assessInterest() && !item.feeInvoice());
    }
}
