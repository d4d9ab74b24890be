package io.receivables.dunning.promise.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a customer promised: {@code amount} in {@code currency} on {@code invoiceIds} by {@code promisedDate}. */
public record MakePromise(UUID customerId, BigDecimal amount, String currency, LocalDate promisedDate,
        List<UUID> invoiceIds, String note) {
}
