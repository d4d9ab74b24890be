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
 * invoice-issued: an invoice is now receivable. {@code total = subtotal + taxTotal}, all in {@code currency};
 * {@code poNumber}, {@code billingPeriod} and {@code lateFee} (set only on a fee invoice) are
 * optional (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceIssued(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        PaymentTerms paymentTerms,
        @DecimalString BigDecimal subtotal,
        @DecimalString BigDecimal taxTotal,
        @DecimalString BigDecimal total,
        List<InvoiceLine> lines,
        String poNumber,
        Instant issuedAt,
        BillingPeriod billingPeriod,
        Actor actor,
        LateFee lateFee) implements ReceivablesEvent {

    /** The event of an invoice that bills no late fee, as every invoice-issued before {@link LateFee} existed. */
    public InvoiceIssued(UUID invoiceId, String invoiceNumber, UUID customerId, String currency, LocalDate issueDate,
            LocalDate dueDate, PaymentTerms paymentTerms, BigDecimal subtotal, BigDecimal taxTotal, BigDecimal total,
            List<InvoiceLine> lines, String poNumber, Instant issuedAt, BillingPeriod billingPeriod, Actor actor) {
        this(invoiceId, invoiceNumber, customerId, currency, issueDate, dueDate, paymentTerms, subtotal, taxTotal, total,
                lines, poNumber, issuedAt, billingPeriod, actor, null);
    }

    /** The event without an {@link Actor}, as events written before it existed were. */
    public InvoiceIssued(UUID invoiceId, String invoiceNumber, UUID customerId, String currency, LocalDate issueDate,
            LocalDate dueDate, PaymentTerms paymentTerms, BigDecimal subtotal, BigDecimal taxTotal, BigDecimal total,
            List<InvoiceLine> lines, String poNumber, Instant issuedAt, BillingPeriod billingPeriod) {
        this(invoiceId, invoiceNumber, customerId, currency, issueDate, dueDate, paymentTerms, subtotal, taxTotal, total, lines,
                poNumber, issuedAt, billingPeriod, null);
    }

    /** An invoice without a billing period. */
    public InvoiceIssued(UUID invoiceId, String invoiceNumber, UUID customerId, String currency, LocalDate issueDate,
            LocalDate dueDate, PaymentTerms paymentTerms, BigDecimal subtotal, BigDecimal taxTotal, BigDecimal total,
            List<InvoiceLine> lines, String poNumber, Instant issuedAt) {
        this(invoiceId, invoiceNumber, customerId, currency, issueDate, dueDate, paymentTerms, subtotal, taxTotal, total,
                lines, poNumber, issuedAt, null);
    }

    /**
     * Set on a fee invoice: the late-fee-assessed it bills and the overdue invoice that fee was charged on, so that
     * dunning never charges a fee on a fee.
     */
    public record LateFee(UUID lateFeeId, UUID overdueInvoiceId) {
        public LateFee {
            requireNonNull(lateFeeId, "lateFeeId");
            requireNonNull(overdueInvoiceId, "overdueInvoiceId");
        }
    }

    /** The inclusive period an invoice bills for, e.g. a subscription month. */
    public record BillingPeriod(LocalDate start, LocalDate end) {
        public BillingPeriod {
            requireNonNull(start, "start");
            requireNonNull(end, "end");
        }
    }

    public InvoiceIssued {
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(issueDate, "issueDate");
        requireNonNull(dueDate, "dueDate");
        requireNonNull(paymentTerms, "paymentTerms");
        requireNonNull(subtotal, "subtotal");
        requireNonNull(taxTotal, "taxTotal");
        requireNonNull(total, "total");
        lines = List.copyOf(requireNonNull(lines, "lines"));
        requireNonNull(issuedAt, "issuedAt");
    }

    @Override
    public UUID subjectId() {
        return invoiceId;
    }
}
