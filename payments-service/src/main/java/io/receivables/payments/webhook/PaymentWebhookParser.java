package io.receivables.payments.webhook;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.receivables.common.limits.BusinessDates;
import io.receivables.common.money.Currencies;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.payments.payment.Iban;
import io.receivables.payments.payment.service.PaymentChanges;

/**
 * The generic payments webhook's payload (docs/payments.md#generic-payments-webhook), in the Standard Webhooks shape
 * {@code {"type", "timestamp", "data"}}. Parse only a body whose signature {@link StandardWebhookVerifier} accepted.
 * The format is ours, so it is read strictly: an unknown type or field, a number where a decimal string belongs, more
 * decimals than the currency has are refused, naming the JSON path ({@link WebhookRejectedException}).
 */
public final class PaymentWebhookParser {

    public static final String RECEIVED = "payment.received";
    public static final String REVERSED = "payment.reversed";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP = Set.of("type", "timestamp", "data");
    private static final Set<String> RECEIVED_FIELDS = Set.of("id", "amount", "currency", "valueDate", "method",
            "payerName", "payerAccount", "remittanceText", "structuredReference", "metadata");
    private static final Set<String> REVERSED_FIELDS = Set.of("id", "reason", "date", "note");
    private static final Set<String> METADATA_FIELDS = Set.of("customerId", "invoiceId");

    /** @throws WebhookRejectedException naming the JSON path of what is missing or wrong */
    public PaymentWebhookCommand parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new WebhookRejectedException("body", "is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new WebhookRejectedException("body", "must be a JSON object with type and data");
        }
        known(root, TOP, "");
        String type = text(root, "type", "type", 64);
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new WebhookRejectedException("data", "must be an object");
        }
        return switch (type) {
            case RECEIVED -> received(data);
            case REVERSED -> reversed(data);
            default -> throw new WebhookRejectedException("type", "'" + type + "' is not a type this webhook takes ("
                    + RECEIVED + ", " + REVERSED + ")");
        };
    }

    private static PaymentWebhookCommand received(JsonNode data) {
        known(data, RECEIVED_FIELDS, "data.");
        String id = text(data, "id", "data.id", 200);
        String currency = text(data, "currency", "data.currency", 3);
        if (!Currencies.isIssuable(currency)) {
            throw new WebhookRejectedException("data.currency", "must be an ISO 4217 code such as \"EUR\"");
        }
        BigDecimal amount = amount(data, currency);
        LocalDate valueDate = date(data, "valueDate", true);
        PaymentReceived.Method method = data.has("method")
                ? constant(PaymentReceived.Method.class, text(data, "method", "data.method", 32), "data.method")
                : PaymentReceived.Method.OTHER;
        String payerAccount = optional(data, "payerAccount", "data.payerAccount", 64);
        if (payerAccount != null && Iban.problem(payerAccount) != null) {
            throw new WebhookRejectedException("data.payerAccount", Iban.problem(payerAccount));
        }
        UUID customerId = null;
        UUID invoiceId = null;
        JsonNode metadata = data.get("metadata");
        if (metadata != null && !metadata.isNull()) {
            if (!metadata.isObject()) {
                throw new WebhookRejectedException("data.metadata", "must be an object");
            }
            known(metadata, METADATA_FIELDS, "data.metadata.");
            customerId = uuid(metadata, "customerId");
            invoiceId = uuid(metadata, "invoiceId");
        }
        return new PaymentWebhookCommand.Received(id, amount, currency, valueDate, method,
                optional(data, "payerName", "data.payerName", 140), payerAccount,
                optional(data, "remittanceText", "data.remittanceText", 1000),
                optional(data, "structuredReference", "data.structuredReference", 35), customerId, invoiceId);
    }

    private static PaymentWebhookCommand reversed(JsonNode data) {
        known(data, REVERSED_FIELDS, "data.");
        return new PaymentWebhookCommand.Reversed(text(data, "id", "data.id", 200),
                constant(PaymentChanges.ReversalReason.class, text(data, "reason", "data.reason", 32), "data.reason"),
                date(data, "date", false), optional(data, "note", "data.note", 1000));
    }

    private static BigDecimal amount(JsonNode data, String currency) {
        JsonNode value = data.get("amount");
        if (value == null || !value.isTextual() || !value.asText().matches("[0-9]{1,15}(\\.[0-9]{1,4})?")) {
            throw new WebhookRejectedException("data.amount", "must be a decimal string such as \"1190.00\"");
        }
        BigDecimal amount = new BigDecimal(value.asText());
        if (amount.signum() <= 0) {
            throw new WebhookRejectedException("data.amount", "must be more than zero");
        }
        if (amount.stripTrailingZeros().scale() > Currencies.minorUnits(currency)) {
            throw new WebhookRejectedException("data.amount", "has more decimals than " + currency + " has minor"
                    + " units (" + Currencies.minorUnits(currency) + ")");
        }
        return amount;
    }

    private static LocalDate date(JsonNode data, String name, boolean required) {
        String field = "data." + name;
        JsonNode value = data.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new WebhookRejectedException(field, "is required (an ISO date such as \"2026-03-02\")");
            }
            return null;
        }
        LocalDate date;
        try {
            date = value.isTextual() ? LocalDate.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            throw new WebhookRejectedException(field, "must be an ISO date such as \"2026-03-02\"");
        }
        if (!BusinessDates.inRange(date)) {
            throw new WebhookRejectedException(field, BusinessDates.RANGE_MESSAGE);
        }
        return date;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static UUID uuid(JsonNode metadata, String name) {
        String text = optional(metadata, name, "data.metadata." + name, 36);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException("data.metadata." + name, "must be a UUID");
        }
    }

    private static void known(JsonNode object, Set<String> fields, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new WebhookRejectedException(prefix + name, "is not a field of this payload");
            }
        }
    }

    private static String text(JsonNode node, String name, String field, int max) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new WebhookRejectedException(field, "must be a non-empty string");
        }
        checkText(field, value.asText(), max);
        return value.asText().strip();
    }

    private static String optional(JsonNode node, String name, String field, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new WebhookRejectedException(field, "must be a string");
        }
        checkText(field, value.asText(), max);
        return FreeText.optional(value.asText());
    }

    private static void checkText(String field, String text, int max) {
        if (text.length() > max) {
            throw new WebhookRejectedException(field, "must be at most " + max + " characters");
        }
        if (FreeText.hasNul(text)) {
            throw new WebhookRejectedException(field, FreeText.NUL_MESSAGE);
        }
    }
}
