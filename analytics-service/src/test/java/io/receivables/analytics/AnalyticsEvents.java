package io.receivables.analytics;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import io.receivables.common.testing.CloudEventProducer;

/**
 * Publishes the events analytics consumes, as the producing services' outbox connectors would: CloudEvents in binary
 * mode, keyed by customer id. Each method returns the event's ce_id.
 */
final class AnalyticsEvents {

    static final String INVOICING = "ar.invoicing.events";
    static final String PAYMENTS = "ar.payments.events";

    private final CloudEventProducer producer;

    AnalyticsEvents(CloudEventProducer producer) {
        this.producer = producer;
    }

    UUID invoiceIssued(UUID customer, UUID invoice, String currency, String total) {
        return send(INVOICING, customer, "invoice-issued", invoice,
                OpenArSummaryTest.invoiceIssued(invoice, customer, currency, total));
    }

    UUID creditNote(UUID eventId, UUID customer, UUID invoice, String currency, String total) {
        String body = """
                {"creditNoteId": "%s", "creditNoteNumber": "CN-2026-%06d", "customerId": "%s", "invoiceId": "%s",
                 "currency": "%s", "issueDate": "2026-11-03", "reasonCode": "PRICING_ERROR", "subtotal": "%s",
                 "taxTotal": "0.00", "total": "%s", "issuedAt": "2026-11-03T10:00:00Z"}"""
                .formatted(UUID.randomUUID(), System.nanoTime() % 1_000_000, customer, invoice, currency, total, total);
        producer.send(INVOICING, customer.toString(),
                CloudEventProducer.headers(eventId, "credit-note-issued", UUID.randomUUID().toString()), body);
        return eventId;
    }

    UUID writtenOff(UUID customer, UUID invoice, String currency, String amount) {
        return send(INVOICING, customer, "invoice-written-off", invoice, """
                {"invoiceId": "%s", "invoiceNumber": "INV-2026-000102", "customerId": "%s", "currency": "%s",
                 "amount": "%s", "reasonCode": "UNCOLLECTIBLE", "writeOffDate": "2026-11-03",
                 "writtenOffAt": "2026-11-03T10:00:00Z"}""".formatted(invoice, customer, currency, amount));
    }

    /** invoice-voided from {@code effectiveDate}; null: an event as published before it carried the date. */
    UUID voided(UUID customer, UUID invoice, String currency, String total, String effectiveDate, String voidedAt) {
        return send(INVOICING, customer, "invoice-voided", invoice, """
                {"invoiceId": "%s", "invoiceNumber": "INV-2026-000201", "customerId": "%s", "currency": "%s",
                 "total": "%s", "reasonCode": "DUPLICATE", "voidedAt": "%s"%s}""".formatted(invoice, customer, currency,
                total, voidedAt, effectiveDate == null ? "" : ", \"effectiveDate\": \"" + effectiveDate + "\""));
    }

    UUID writtenOff(UUID customer, UUID invoice, String currency, String amount, String writeOffDate) {
        return send(INVOICING, customer, "invoice-written-off", invoice, """
                {"invoiceId": "%s", "invoiceNumber": "INV-2026-000202", "customerId": "%s", "currency": "%s",
                 "amount": "%s", "reasonCode": "UNCOLLECTIBLE", "writeOffDate": "%s",
                 "writtenOffAt": "2026-11-28T10:00:00Z"}""".formatted(invoice, customer, currency, amount,
                writeOffDate));
    }

    /** A payment wholly allocated to the given invoices (invoice id, amount, invoice id, amount, ...). */
    UUID paymentReceived(UUID customer, UUID payment, String currency, Object... allocations) {
        String list = allocationList(allocations);
        return send(PAYMENTS, customer, "payment-received", payment, """
                {"paymentId": "%s", "customerId": "%s", "currency": "%s", "amount": "%s", "valueDate": "2026-11-20",
                 "method": "BANK_TRANSFER", "allocations": [%s], "unallocatedAmount": "0.00",
                 "receivedAt": "2026-11-20T07:00:00Z"}""".formatted(payment, customer, currency,
                sum(allocations), list));
    }

    UUID paymentReversed(UUID customer, UUID payment, String currency, Object... allocations) {
        return send(PAYMENTS, customer, "payment-reversed", payment, """
                {"paymentId": "%s", "customerId": "%s", "currency": "%s", "amount": "%s",
                 "reasonCode": "RETURNED_BY_BANK", "reversedAllocations": [%s], "reversalDate": "2026-11-22",
                 "reversedAt": "2026-11-22T06:30:00Z"}""".formatted(payment, customer, currency, sum(allocations),
                allocationList(allocations)));
    }

    /** A payment settling {@code invoice} with {@code amount} plus an early-payment {@code discount}. */
    UUID discountedPayment(UUID customer, UUID payment, String currency, UUID invoice, String amount, String discount) {
        return send(PAYMENTS, customer, "payment-received", payment, """
                {"paymentId": "%s", "customerId": "%s", "currency": "%s", "amount": "%s", "valueDate": "2026-11-20",
                 "method": "BANK_TRANSFER", "allocations": [{"invoiceId": "%s", "amount": "%s", "discount": "%s"}],
                 "unallocatedAmount": "0.00", "receivedAt": "2026-11-20T07:00:00Z"}""".formatted(payment, customer,
                currency, amount, invoice, amount, discount));
    }

    /** Takes back the allocation of {@code payment} on {@code invoice} (amount and discount) from {@code effectiveDate}. */
    UUID paymentUnallocated(UUID customer, UUID payment, String currency, UUID invoice, String amount, String discount,
            String effectiveDate) {
        return send(PAYMENTS, customer, "payment-unallocated", payment, """
                {"paymentId": "%s", "customerId": "%s", "currency": "%s",
                 "allocations": [{"invoiceId": "%s", "amount": "%s", "discount": "%s"}], "unallocatedAmount": "%s",
                 "effectiveDate": "%s", "unallocatedAt": "2026-11-25T09:00:00Z"}""".formatted(payment, customer,
                currency, invoice, amount, discount, amount, effectiveDate));
    }

    /** Reverses {@code payment}, giving back on {@code invoice} its amount and the discount it settled. */
    UUID discountedPaymentReversed(UUID customer, UUID payment, String currency, UUID invoice, String amount,
            String discount) {
        return send(PAYMENTS, customer, "payment-reversed", payment, """
                {"paymentId": "%s", "customerId": "%s", "currency": "%s", "amount": "%s",
                 "reasonCode": "RETURNED_BY_BANK",
                 "reversedAllocations": [{"invoiceId": "%s", "amount": "%s", "discount": "%s"}],
                 "reversalDate": "2026-11-26", "reversedAt": "2026-11-26T06:30:00Z"}""".formatted(payment, customer,
                currency, amount, invoice, amount, discount));
    }

    private UUID send(String topic, UUID customer, String type, UUID subject, String body) {
        UUID eventId = UUID.randomUUID();
        Map<String, String> headers = CloudEventProducer.headers(eventId, type, subject.toString());
        producer.send(topic, customer.toString(), headers, body);
        return eventId;
    }

    private static String allocationList(Object... allocations) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < allocations.length; i += 2) {
            list.append(i == 0 ? "" : ", ").append("{\"invoiceId\": \"").append(allocations[i])
                    .append("\", \"amount\": \"").append(allocations[i + 1]).append("\"}");
        }
        return list.toString();
    }

    private static String sum(Object... allocations) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < allocations.length; i += 2) {
            sum = sum.add(new BigDecimal(allocations[i].toString()));
        }
        return sum.toPlainString();
    }
}
