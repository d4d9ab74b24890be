package io.receivables.payments.webhook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.receivables.contracts.events.PaymentReceived;
import io.receivables.payments.payment.service.PaymentChanges;

/**
 * What a verified delivery of the generic payments webhook ({@code POST /webhooks/payments}) asks for, read by
 * {@link PaymentWebhookParser}. The provider's payment id ({@code data.id}) is the payment's external reference under
 * source {@link #SOURCE}: it identifies the payment for a later reversal and records nothing twice.
 */
public sealed interface PaymentWebhookCommand {

    /** The payments' source of what this webhook records. */
    String SOURCE = "WEBHOOK";

    /** The provider's id of the payment ({@code data.id}). */
    String paymentId();

    /**
     * {@code payment.received}.
     *
     * @param customerId {@code data.metadata.customerId}, or null
     * @param invoiceId {@code data.metadata.invoiceId}, or null: allocated explicitly when it is open in the currency
     */
    record Received(String paymentId, BigDecimal amount, String currency, LocalDate valueDate,
            PaymentReceived.Method method, String payerName, String payerAccount, String remittanceText,
            String structuredReference, UUID customerId, UUID invoiceId) implements PaymentWebhookCommand {
    }

    /** {@code payment.reversed}; {@code date} null: the day it arrives (UTC). */
    record Reversed(String paymentId, PaymentChanges.ReversalReason reason, LocalDate date, String note)
            implements
                PaymentWebhookCommand {
    }
}
