package io.receivables.payments.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What cash application knows of a payment: its amount (in the invoices' currency), value date, what the payer wrote,
 * and the allocations the request asked for explicitly (already checked by the caller).
 */
public record Incoming(BigDecimal amount, LocalDate valueDate, String remittanceText, String structuredReference,
        List<Requested> explicit) {

    public Incoming {
        explicit = explicit == null ? List.of() : List.copyOf(explicit);
    }

    /** An allocation the request names. */
    public record Requested(UUID invoiceId, BigDecimal amount) {
    }
}
