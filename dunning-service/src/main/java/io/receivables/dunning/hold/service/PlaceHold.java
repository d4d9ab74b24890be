package io.receivables.dunning.hold.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A collector's hold on a customer's invoices ({@code invoiceIds}; none: the whole account) until {@code until}. */
public record PlaceHold(UUID customerId, LocalDate until, String reason, List<UUID> invoiceIds) {
}
