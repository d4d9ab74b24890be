package io.receivables.dunning.hold.service;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * What keeps a customer's invoices from reminders on a date, besides what the read model already says (the disputed
 * amount, do-not-dun): promises to pay, a collector's manual holds, escalations not recalled. The run asks once per
 * customer, in its claim transaction. Joins the caller's session.
 */
@ApplicationScoped
public class Holds {

    public enum Kind {
        /** A promise to pay covers the invoice until its date plus the grace period. */
        PROMISE_TO_PAY,
        /** A collector held it (or the whole account) until an end date. */
        MANUAL_HOLD,
        /** It was handed to an agency or to legal and has not been recalled. */
        ESCALATED
    }

    /** Why an invoice (or the customer) is held: which promise, hold or escalation, and until when (null: open-ended). */
    public record Hold(Kind kind, UUID reference, LocalDate until) {
    }

    /** The held invoices of the customer on {@code asOf}: invoice id → a hold on it; an invoice not in the map is free. */
    public Uni<Map<UUID, Hold>> onInvoices(UUID customerId, LocalDate asOf) {
        // placeholder until promises, manual holds and escalations land (dhold)
        return Uni.createFrom().item(Map.of());
    }

    /** A hold on the customer's whole account on {@code asOf} (a manual hold without invoices); empty when none. */
    public Uni<Optional<Hold>> onCustomer(UUID customerId, LocalDate asOf) {
        return Uni.createFrom().item(Optional.empty());
    }
}
