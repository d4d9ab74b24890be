package io.receivables.dunning.receivable.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One open invoice of a customer as the run sees it: {@code collectableAmount} = open − disputed, never below zero;
 * {@code feeInvoice} when it bills a late fee (no fee is charged on it; {@code feeForInvoiceId} names the overdue
 * invoice); {@code planId} and {@code instalments} when an ACTIVE payment plan covers it (their due dates replace
 * {@code dueDate}; empty otherwise).
 */
public record OpenItem(UUID invoiceId, String invoiceNumber, String currency, LocalDate issueDate, LocalDate dueDate,
        BigDecimal total, BigDecimal openAmount, BigDecimal disputedAmount, BigDecimal collectableAmount,
        boolean feeInvoice, UUID feeForInvoiceId, UUID planId, List<Instalment> instalments) {

    /** An instalment of the ACTIVE plan covering the invoice; number 0 is the down payment. */
    public record Instalment(int number, LocalDate dueDate, BigDecimal amount) {
    }

    /** The dates reminders count from: the plan's instalment due dates while one covers it, else the due date. */
    public List<LocalDate> effectiveDueDates() {
        return planId == null ? List.of(dueDate) : instalments.stream().map(Instalment::dueDate).toList();
    }
}
