package io.receivables.dunning.escalation.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.receivables.contracts.events.Actor;
import io.receivables.dunning.policy.Escalation;
import io.smallrye.mutiny.Uni;

/**
 * Hands a customer's invoices to an agency or to legal when a step says so: records the escalation and publishes
 * account-escalated, in the CALLER's transaction (the run's, with the step's actions). From then on {@code Holds} holds
 * those invoices until the escalation is recalled.
 */
@ApplicationScoped
public class Escalations {

    public record EscalatedInvoice(UUID invoiceId, String invoiceNumber, BigDecimal amount) {
    }

    public record Escalate(UUID runId, UUID customerId, Escalation to, int stepNumber, String currency,
            List<EscalatedInvoice> invoices, String reason) {

        public Escalate {
            invoices = List.copyOf(invoices);
        }
    }

    /** The escalation's id. */
    public Uni<UUID> escalate(Actor actor, Escalate command) {
        // placeholder until escalations land (dhold): records nothing
        return Uni.createFrom().item(UUID.randomUUID());
    }
}
