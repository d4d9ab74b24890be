package io.receivables.invoicing.invoice.service;

import java.time.LocalDate;

import io.receivables.contracts.events.InvoiceVoided;

/**
 * A void as the service takes it, from the API or from an import. {@code effectiveDate} null: today (UTC);
 * {@code field} names the date in a 400 ({@code effectiveDate}, or its path in an import row).
 */
public record VoidCommand(InvoiceVoided.ReasonCode reasonCode, LocalDate effectiveDate, String note, String field) {
}
