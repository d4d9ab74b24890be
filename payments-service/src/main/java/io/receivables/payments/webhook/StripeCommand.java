package io.receivables.payments.webhook;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a verified Stripe event asks the payments service to do, in its own terms. Every command carries the Stripe
 * event id ({@code evt_...}), the de-duplication key: Stripe delivers an event at least once and retries it for days.
 * Stripe's objects are found again by their ids ({@code pi_...}, {@code ch_...}, {@code dp_...}), our invoice and
 * customer by the metadata keys {@link StripeEventParser#INVOICE_ID_KEY} and {@link StripeEventParser#CUSTOMER_ID_KEY}
 * that the checkout sets on the PaymentIntent.
 */
public sealed interface StripeCommand {

    String eventId();

    /** When Stripe created the event (its {@code created}), UTC. */
    Instant occurredAt();

    /**
     * {@code payment_intent.succeeded}: money was received.
     *
     * @param amount what was received ({@code amount_received}), exact in the currency's ISO minor unit
     * @param invoiceId our invoice from the metadata, or null (the payment then waits for cash application)
     * @param customerId our customer from the metadata, or null
     */
    record PaymentSucceeded(String eventId, Instant occurredAt, boolean livemode, String paymentIntentId,
            String chargeId, BigDecimal amount, String currency, String invoiceId, String customerId)
            implements
                StripeCommand {
    }

    /**
     * {@code charge.refunded}: part or all of a charge was given back.
     *
     * @param refundedTotal everything refunded on the charge so far ({@code amount_refunded}, cumulative): apply it as
     *        a total, so a retried or late event never refunds twice
     * @param fullyRefunded Stripe's {@code refunded}: the whole charge is back with the payer
     * @param latestRefundId the newest {@code re_...} when the charge carries its {@code refunds} list (API versions
     *        before 2022-11-15, or expanded); else null
     */
    record ChargeRefunded(String eventId, Instant occurredAt, boolean livemode, String chargeId,
            String paymentIntentId, BigDecimal chargeAmount, BigDecimal refundedTotal, String currency,
            boolean fullyRefunded, String invoiceId, String customerId, String latestRefundId)
            implements
                StripeCommand {
    }

    /**
     * {@code charge.dispute.created}: a chargeback; Stripe takes the disputed amount back when it opens (except for
     * inquiries, {@code status} {@code warning_needs_response}), so the payment is reversed with reason CHARGEBACK.
     * {@code evidenceDueBy} is Stripe's deadline for evidence against it (null: none given).
     */
    record DisputeOpened(String eventId, Instant occurredAt, boolean livemode, String disputeId, String chargeId,
            String paymentIntentId, BigDecimal amount, String currency, String reason, String status,
            Instant evidenceDueBy)
            implements
                StripeCommand {

        /** An inquiry ({@code warning_*}) moves no money: nothing to reverse yet. */
        public boolean fundsWithdrawn() {
            return status == null || !status.startsWith("warning_");
        }
    }

    /** {@code charge.dispute.closed}: the dispute's outcome. */
    record DisputeClosed(String eventId, Instant occurredAt, boolean livemode, String disputeId, String chargeId,
            String paymentIntentId, BigDecimal amount, String currency, String status, DisputeOutcome outcome)
            implements
                StripeCommand {
    }

    /** Any other event type, or one for a kind of object we do not take: answered 2xx so that Stripe stops retrying. */
    record Ignored(String eventId, Instant occurredAt, String type, String reason) implements StripeCommand {
    }

    enum DisputeOutcome {
        /** {@code won}: the funds come back to us; the reversed payment is received again. */
        WON,
        /** {@code lost}: the reversal stands. */
        LOST,
        /** {@code warning_closed} (an inquiry closed), {@code charge_refunded}, or another status: no money moves. */
        OTHER;

        static DisputeOutcome of(String status) {
            return switch (status == null ? "" : status) {
                case "won" -> WON;
                case "lost" -> LOST;
                default -> OTHER;
            };
        }
    }
}
