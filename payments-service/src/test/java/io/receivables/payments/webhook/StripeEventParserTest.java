package io.receivables.payments.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.receivables.payments.webhook.StripeCommand.ChargeRefunded;
import io.receivables.payments.webhook.StripeCommand.DisputeClosed;
import io.receivables.payments.webhook.StripeCommand.DisputeOpened;
import io.receivables.payments.webhook.StripeCommand.DisputeOutcome;
import io.receivables.payments.webhook.StripeCommand.Ignored;
import io.receivables.payments.webhook.StripeCommand.PaymentSucceeded;

class StripeEventParserTest {

    private static final String INVOICE = "7d0e2b8c-1f3a-4a57-9a0e-3c2b1d4e5f60";
    private static final String CUSTOMER = "0f6b1c9e-2d4a-4e7b-8c3d-5a6b7c8d9e01";

    private final StripeEventParser parser = new StripeEventParser();

    @Test
    void paymentIntentSucceeded() {
        StripeCommand command = parser.parse(StripePayloads.bytes("payment_intent.succeeded"));

        assertThat(command).isInstanceOfSatisfying(PaymentSucceeded.class, paid -> {
            assertThat(paid.eventId()).isEqualTo("evt_3QxT2nLkdIwHu7ix0bn7kq2B");
            assertThat(paid.occurredAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
            assertThat(paid.livemode()).isFalse();
            assertThat(paid.paymentIntentId()).isEqualTo("pi_3QxT2nLkdIwHu7ix0wSfTqEb");
            assertThat(paid.chargeId()).isEqualTo("ch_3QxT2nLkdIwHu7ix0Yz9Hd1Q");
            assertThat(paid.amount()).hasToString("1190.00");
            assertThat(paid.currency()).isEqualTo("EUR");
            assertThat(paid.invoiceId()).isEqualTo(INVOICE);
            assertThat(paid.customerId()).isEqualTo(CUSTOMER);
        });
    }

    @Test
    void chargeRefundedCarriesTheCumulativeRefund() {
        StripeCommand command = parser.parse(StripePayloads.bytes("charge.refunded"));

        assertThat(command).isInstanceOfSatisfying(ChargeRefunded.class, refund -> {
            assertThat(refund.chargeId()).isEqualTo("ch_3QxT2nLkdIwHu7ix0Yz9Hd1Q");
            assertThat(refund.paymentIntentId()).isEqualTo("pi_3QxT2nLkdIwHu7ix0wSfTqEb");
            assertThat(refund.chargeAmount()).hasToString("1190.00");
            assertThat(refund.refundedTotal()).hasToString("200.00");
            assertThat(refund.fullyRefunded()).isFalse();
            assertThat(refund.invoiceId()).isEqualTo(INVOICE);
        });
    }

    @Test
    void disputeCreatedAndClosed() {
        StripeCommand opened = parser.parse(StripePayloads.bytes("charge.dispute.created"));
        StripeCommand closed = parser.parse(StripePayloads.bytes("charge.dispute.closed"));

        assertThat(opened).isInstanceOfSatisfying(DisputeOpened.class, dispute -> {
            assertThat(dispute.disputeId()).isEqualTo("dp_1QyA7cLkdIwHu7ixqV1nP0aL");
            assertThat(dispute.chargeId()).isEqualTo("ch_3QxT2nLkdIwHu7ix0Yz9Hd1Q");
            assertThat(dispute.paymentIntentId()).isEqualTo("pi_3QxT2nLkdIwHu7ix0wSfTqEb");
            assertThat(dispute.amount()).hasToString("1190.00");
            assertThat(dispute.reason()).isEqualTo("fraudulent");
            assertThat(dispute.fundsWithdrawn()).isTrue();
            assertThat(dispute.evidenceDueBy()).isEqualTo(java.time.Instant.parse("2026-03-17T23:59:59Z"));
        });
        assertThat(closed).isInstanceOfSatisfying(DisputeClosed.class, dispute -> {
            assertThat(dispute.eventId()).isEqualTo("evt_1QzK4pLkdIwHu7ixS1mC8tYv");
            assertThat(dispute.status()).isEqualTo("lost");
            assertThat(dispute.outcome()).isEqualTo(DisputeOutcome.LOST);
        });
    }

    @Test
    void anInquiryWithdrawsNoFunds() {
        String inquiry = text("charge.dispute.created").replace("\"needs_response\"", "\"warning_needs_response\"");
        // no evidence deadline given (null), and one that is no time: none, and a 400 naming it
        assertThat(parser.parse(text("charge.dispute.created").replace("\"due_by\": 1773791999", "\"due_by\": null")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).isInstanceOfSatisfying(DisputeOpened.class,
                        d -> assertThat(d.evidenceDueBy()).isNull());
        assertThatThrownBy(() -> parser.parse(text("charge.dispute.created").replace("\"due_by\": 1773791999",
                "\"due_by\": \"soon\"").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.getMessage()).contains("evidence_details.due_by"));

        assertThat(parser.parse(inquiry.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DisputeOpened.class, d -> assertThat(d.fundsWithdrawn()).isFalse());
    }

    @Test
    void anotherEventTypeIsIgnoredSoThatStripeStopsRetrying() {
        String created = text("payment_intent.succeeded").replace("\"type\": \"payment_intent.succeeded\"",
                "\"type\": \"payment_intent.created\"");

        assertThat(parser.parse(created.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(Ignored.class,
                ignored -> assertThat(ignored.type()).isEqualTo("payment_intent.created"));
    }

    @Test
    void anExpandedReferenceIsReadByItsId() {
        String expanded = text("payment_intent.succeeded").replace("\"latest_charge\": \"ch_3QxT2nLkdIwHu7ix0Yz9Hd1Q\"",
                "\"latest_charge\": {\"id\": \"ch_3QxT2nLkdIwHu7ix0Yz9Hd1Q\", \"object\": \"charge\"}");

        assertThat(parser.parse(expanded.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PaymentSucceeded.class,
                        p -> assertThat(p.chargeId()).isEqualTo("ch_3QxT2nLkdIwHu7ix0Yz9Hd1Q"));
    }

    @Test
    void whatAPaymentNeedsIsNamedByItsJsonPath() {
        assertThatThrownBy(() -> parser.parse(replace("payment_intent.succeeded", "\"amount_received\": 119000",
                "\"amount_received\": 1190.00"))).hasMessage("data.object.amount_received: must be a whole number"
                        + " (Stripe amounts are integers in the currency's smallest unit)");
        assertThatThrownBy(() -> parser.parse(replace("payment_intent.succeeded", "\"currency\": \"eur\"",
                "\"currency\": \"xts\""))).hasMessage("data.object.currency: 'XTS' is not an ISO 4217 currency we take");
        assertThatThrownBy(() -> parser.parse(replace("charge.refunded", "\"object\": \"charge\"",
                "\"object\": \"refund\""))).hasMessage("data.object.object: must be \"charge\" for this event type");
        assertThatThrownBy(() -> parser.parse(replace("charge.dispute.created", "\"charge\": \"ch_3QxT2nLkdIwHu7ix0Yz9Hd1Q\",",
                ""))).hasMessage("data.object.charge: is missing: a dispute is always about a charge");
        assertThatThrownBy(() -> parser.parse("[]".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("object: must be \"event\": the body is not a Stripe event");
        assertThatThrownBy(() -> parser.parse("{\"object\": \"event\", \"object\": \"x\"}"
                .getBytes(StandardCharsets.UTF_8))).hasMessage("body: is not JSON");
    }

    private static String text(String type) {
        return new String(StripePayloads.bytes(type), StandardCharsets.UTF_8);
    }

    private static byte[] replace(String type, String from, String to) {
        String text = text(type);
        if (!text.contains(from)) {
            throw new IllegalArgumentException("the payload has no " + from);
        }
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }
}
