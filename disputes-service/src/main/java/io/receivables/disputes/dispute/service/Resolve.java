package io.receivables.disputes.dispute.service;

import java.math.BigDecimal;

import io.receivables.disputes.dispute.Outcome;

/** The command to resolve a dispute: its outcome, what it credits (PARTIAL only; derived otherwise) and a note. */
public record Resolve(Outcome outcome, BigDecimal creditedAmount, String note) {
}
