package io.receivables.payments.webhook;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.receivables.common.text.FreeText;

/**
 * Stripe's event format (the {@code event} object: {@code id}, {@code type}, {@code created}, {@code livemode},
 * {@code data.object}) into {@link StripeCommand}s. Parse only a body whose signature {@link StripeSignatureVerifier}
 * accepted. Fields the command does not need are ignored, so new API versions that add fields keep working.
 */
public final class StripeEventParser {

    /** The PaymentIntent metadata key that names our invoice. */
    public static final String INVOICE_ID_KEY = "invoice_id";
    /** The PaymentIntent metadata key that names our customer. */
    public static final String CUSTOMER_ID_KEY = "customer_id";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** @throws WebhookRejectedException naming the JSON path of what is missing or wrong */
    public StripeCommand parse(byte[] body) {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            throw new WebhookRejectedException("body", "is not JSON");
        }
        if (event == null || !event.isObject() || !"event".equals(event.path("object").asText(null))) {
            throw new WebhookRejectedException("object", "must be \"event\": the body is not a Stripe event");
        }
        String id = text(event, "id", "id");
        String type = text(event, "type", "type");
        Instant created = Instant.ofEpochSecond(whole(event, "created", "created"));
        boolean livemode = event.path("livemode").asBoolean(false);
        JsonNode object = event.path("data").path("object");
        if (!object.isObject()) {
            throw new WebhookRejectedException("data.object", "is missing");
        }
        return switch (type) {
            case "payment_intent.succeeded" -> paymentSucceeded(id, created, livemode, object);
            case "charge.refunded" -> refunded(id, created, livemode, object);
            case "charge.dispute.created" -> {
                Dispute d = dispute(object);
                yield new StripeCommand.DisputeOpened(id, created, livemode, d.id, d.charge, d.paymentIntent,
                        d.amount, d.currency, optional(object, "reason"), optional(object, "status"),
                        evidenceDueBy(object));
            }
            case "charge.dispute.closed" -> {
                Dispute d = dispute(object);
                String status = optional(object, "status");
                yield new StripeCommand.DisputeClosed(id, created, livemode, d.id, d.charge, d.paymentIntent,
                        d.amount, d.currency, status, StripeCommand.DisputeOutcome.of(status));
            }
            default -> new StripeCommand.Ignored(id, created, type, "not an event type payments acts on");
        };
    }

    private static StripeCommand paymentSucceeded(String id, Instant created, boolean livemode, JsonNode intent) {
        expectObject(intent, "payment_intent");
        String currency = currency(intent);
        long received = intent.hasNonNull("amount_received") ? whole(intent, "amount_received", path("amount_received"))
                : whole(intent, "amount", path("amount"));
        JsonNode metadata = intent.path("metadata");
        return new StripeCommand.PaymentSucceeded(id, created, livemode, text(intent, "id", path("id")),
                idOf(intent.path("latest_charge")), amount(received, currency, path("amount_received")), currency,
                optional(metadata, INVOICE_ID_KEY), optional(metadata, CUSTOMER_ID_KEY));
    }

    private static StripeCommand refunded(String id, Instant created, boolean livemode, JsonNode charge) {
        expectObject(charge, "charge");
        String currency = currency(charge);
        JsonNode metadata = charge.path("metadata");
        return new StripeCommand.ChargeRefunded(id, created, livemode, text(charge, "id", path("id")),
                idOf(charge.path("payment_intent")),
                amount(whole(charge, "amount", path("amount")), currency, path("amount")),
                amount(whole(charge, "amount_refunded", path("amount_refunded")), currency, path("amount_refunded")),
                currency, charge.path("refunded").asBoolean(false), optional(metadata, INVOICE_ID_KEY),
                optional(metadata, CUSTOMER_ID_KEY), latestRefund(charge.path("refunds")));
    }

    /** Stripe lists a charge's refunds newest first. */
    private static String latestRefund(JsonNode refunds) {
        JsonNode first = refunds.path("data").path(0);
        return first.isObject() ? optional(first, "id") : null;
    }

    private record Dispute(String id, String charge, String paymentIntent, BigDecimal amount, String currency) {
    }

    private static Dispute dispute(JsonNode dispute) {
        expectObject(dispute, "dispute");
        String currency = currency(dispute);
        String charge = idOf(dispute.path("charge"));
        if (charge == null) {
            throw new WebhookRejectedException(path("charge"), "is missing: a dispute is always about a charge");
        }
        return new Dispute(text(dispute, "id", path("id")), charge, idOf(dispute.path("payment_intent")),
                amount(whole(dispute, "amount", path("amount")), currency, path("amount")), currency);
    }

    private static BigDecimal amount(long minor, String currency, String field) {
        try {
            return StripeAmounts.toAmount(minor, currency);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(field, e.getMessage());
        }
    }

    private static String currency(JsonNode object) {
        String currency = StripeAmounts.currency(text(object, "currency", path("currency")));
        if (!io.receivables.common.money.Currencies.isIssuable(currency)) {
            throw new WebhookRejectedException(path("currency"), "'" + currency + "' is not an ISO 4217 currency we take");
        }
        return currency;
    }

    /** An expandable reference: Stripe sends the id, or the whole object when the field was expanded. */
    private static String idOf(JsonNode reference) {
        if (reference.isTextual()) {
            return FreeText.optional(reference.asText());
        }
        return reference.isObject() ? optional(reference, "id") : null;
    }

    private static void expectObject(JsonNode object, String kind) {
        if (!kind.equals(object.path("object").asText(null))) {
            throw new WebhookRejectedException(path("object"), "must be \"" + kind + "\" for this event type");
        }
    }

    private static String text(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new WebhookRejectedException(field, "must be a non-empty string");
        }
        return value.asText();
    }

    /** 2999-12-31T23:59:59Z: the platform's last date (docs/api-limits.md). */
    private static final long MAX_EPOCH_SECOND = 32_503_679_999L;

    private static String optional(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? FreeText.optional(value.asText()) : null;
    }

    private static long whole(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new WebhookRejectedException(field, "must be a whole number (Stripe amounts are integers in the"
                    + " currency's smallest unit)");
        }
        return value.asLong();
    }

    /**
     * {@code evidence_details.due_by}: the deadline for evidence against the dispute, in epoch seconds; null when Stripe
     * gives none (an inquiry, or a dispute past responding).
     */
    private static Instant evidenceDueBy(JsonNode dispute) {
        JsonNode details = dispute.get("evidence_details");
        if (details == null || details.isNull() || details.path("due_by").isNull() || details.path("due_by")
                .isMissingNode()) {
            return null;
        }
        if (!details.isObject()) {
            throw new WebhookRejectedException(path("evidence_details"), "must be an object");
        }
        long dueBy = whole(details, "due_by", path("evidence_details.due_by"));
        if (dueBy < 0 || dueBy > MAX_EPOCH_SECOND) {
            throw new WebhookRejectedException(path("evidence_details.due_by"), "must be a time in epoch seconds");
        }
        return Instant.ofEpochSecond(dueBy);
    }

    private static String path(String field) {
        return "data.object." + field;
    }
}
