package io.receivables.disputes.dispute.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.receivables.disputes.dispute.ReasonCode;

/**
 * The command to open a dispute, from the API. {@code currency} (optional) must be the invoice's; {@code disputedLines}
 * (optional, may be empty) name the invoice lines it is about.
 */
public record OpenDispute(UUID invoiceId, BigDecimal disputedAmount, String currency, List<Integer> disputedLines,
        ReasonCode reasonCode, String description, Contact contact) {

    /** Who at the customer raised it. */
    public record Contact(String name, String email, String phone) {
    }

    public OpenDispute {
        disputedLines = disputedLines == null ? List.of() : List.copyOf(disputedLines);
    }
}
