package io.receivables.dunning.delivery.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.dunning.message.Message;
import io.receivables.dunning.message.MessageInvoice;
import io.receivables.dunning.message.MessageStatus;
import io.receivables.dunning.task.CallOutcome;
import io.receivables.dunning.task.Task;
import io.receivables.dunning.task.TaskStatus;
import io.receivables.dunning.template.Channel;

/** A dunning message with its delivery: what it asked for, to whom, and where its delivery stands. */
public record MessageResponse(UUID id, UUID runId, UUID customerId, Channel channel,
        @Schema(description = "The template of its highest step") String templateKey,
        @Schema(description = "The language it was written in") String language,
        @Schema(description = "The highest step among its invoices") int stepNumber,
        @Schema(nullable = true, description = "EMAIL: the address; SMS: the number; LETTER: the addressee; PHONE_TASK: the number to call") String recipient,
        @Schema(nullable = true) String replyTo,
        @Schema(nullable = true) String subject, String currency,
        @Schema(description = "What it asks for on its invoices: open less disputed") String amountDue, String fees,
        String interest, @Schema(nullable = true) String paymentReference, List<InvoiceResponse> invoices,
        @Schema(description = "QUEUED, SENDING (an attempt is under way), SENT, FAILED (lastError says why), BOUNCED") MessageStatus status,
        int attempts,
        @Schema(nullable = true, description = "While QUEUED or SENDING: when it is tried (again)") Instant nextAttemptAt,
        @Schema(nullable = true, description = "Why the last attempt failed, why it FAILED, or why it BOUNCED") String lastError,
        Instant createdAt, @Schema(nullable = true) Instant sentAt, @Schema(nullable = true) Instant bouncedAt,
        @Schema(nullable = true, description = "PHONE_TASK: the collector's task once delivered") TaskSummary task,
        @Schema(nullable = true, description = "LETTER: where its PDF is, once delivered") String letter) {

    public record InvoiceResponse(UUID invoiceId, String invoiceNumber, int stepNumber, LocalDate dueDate,
            int daysOverdue, String openAmount, String disputedAmount, String amountDue) {
    }

    public record TaskSummary(UUID id, TaskStatus status, @Schema(nullable = true) String assignee,
            @Schema(nullable = true) CallOutcome outcome) {
    }

    public static MessageResponse of(Message m, List<MessageInvoice> invoices, Task task) {
        String currency = m.currency;
        boolean pending = m.status == MessageStatus.QUEUED || m.status == MessageStatus.SENDING;
        String letter = m.channel == Channel.LETTER && m.sentAt != null ? "/letters/" + m.id : null;
        return new MessageResponse(m.id, m.runId, m.customerId, m.channel, m.templateKey, m.language, m.stepNumber,
                m.recipient, m.replyTo, m.subject, currency, amount(m.amountDue, currency), amount(m.fees, currency),
                amount(m.interest, currency), m.paymentReference,
                invoices.stream().map(i -> new InvoiceResponse(i.invoiceId, i.invoiceNumber, i.stepNumber, i.dueDate,
                        i.daysOverdue, amount(i.openAmount, currency), amount(i.disputedAmount, currency),
                        amount(i.amountDue, currency))).toList(),
                m.status, m.attempts, pending ? m.nextAttemptAt : null, m.lastError, m.createdAt, m.sentAt,
                m.bouncedAt, task == null ? null : new TaskSummary(task.id, task.status, task.assignee, task.outcome),
                letter);
    }

    private static String amount(java.math.BigDecimal value, String currency) {
        return Currencies.format(value, currency);
    }
}
