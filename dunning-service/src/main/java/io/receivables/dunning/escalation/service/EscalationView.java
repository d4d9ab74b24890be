package io.receivables.dunning.escalation.service;

import java.util.List;

import io.receivables.dunning.escalation.EscalatedAccount;
import io.receivables.dunning.escalation.EscalationInvoice;

/** An escalation with its invoices, by number. */
public record EscalationView(EscalatedAccount escalation, List<EscalationInvoice> invoices) {
}
