package io.receivables.invoicing.balance;

import static io.receivables.invoicing.balance.BalanceEvents.allocations;
import static io.receivables.invoicing.balance.BalanceEvents.awaitInvoice;
import static io.receivables.invoicing.balance.BalanceEvents.customer;
import static io.receivables.invoicing.balance.BalanceEvents.get;
import static io.receivables.invoicing.balance.BalanceEvents.invoice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.contracts.Topics;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Payments applied to invoices from ar.payments.events, published to the real broker and consumed by the real
 * consumer: balances, derived statuses, reversals, several invoices per payment, redelivery, and the void and
 * write-off rules that depend on what was paid.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class InvoicePaymentsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Inject
    InvoicingDatabase db;

    BalanceEvents events;

    @BeforeEach
    void connect() {
        events = new BalanceEvents(bootstrap);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void aPartialPaymentLeavesTheRestDueAndAFullOneMakesItPaid() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2051-03-01", "100.00");

        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "40.00", allocations(invoice, "40.00"));
        awaitInvoice(invoice, r -> r.body("status", equalTo("PARTIALLY_PAID")).body("amountPaid", equalTo("40.00"))
                .body("amountDue", equalTo("60.00")));

        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "60.00", allocations(invoice, "60.00"));
        awaitInvoice(invoice, r -> r.body("status", equalTo("PAID")).body("amountPaid", equalTo("100.00"))
                .body("amountDue", equalTo("0.00")).body("amountOverpaid", equalTo("0.00")));
    }

    @Test
    void anAllocationBeyondWhatIsDueIsKeptAsAnOverpayment() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2051-03-02", "100.00");

        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "130.00", allocations(invoice, "130.00"));

        awaitInvoice(invoice, r -> r.body("status", equalTo("PAID")).body("amountDue", equalTo("0.00"))
                .body("amountPaid", equalTo("130.00")).body("amountOverpaid", equalTo("30.00")));
    }

    @Test
    void aReversalGivesBackExactlyWhatThatPaymentPaidOnTheInvoice() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2051-03-03", "100.00");
        UUID reversedPayment = UUID.randomUUID();

        events.paymentReceived(reversedPayment, customer, "EUR", "30.00", allocations(invoice, "30.00"));
        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "10.00", allocations(invoice, "10.00"));
        // more of the first payment, matched later: 50.00 of it is now on the invoice
        events.paymentAllocated(reversedPayment, customer, "EUR", allocations(invoice, "20.00"));
        awaitInvoice(invoice, r -> r.body("amountPaid", equalTo("60.00")).body("amountDue", equalTo("40.00")));

        events.paymentReversed(reversedPayment, customer, "EUR", "50.00", allocations(invoice, "50.00"));

        awaitInvoice(invoice, r -> r.body("status", equalTo("PARTIALLY_PAID")).body("amountPaid", equalTo("10.00"))
                .body("amountDue", equalTo("90.00")));
    }

    @Test
    void aPaymentLessItsEarlyPaymentDiscountSettlesTheInvoiceAndTakenBackReopensIt() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2051-03-07", "100.00");
        UUID payment = UUID.randomUUID();
        events.publish(Topics.PAYMENTS, "payment-received", customer, payment, """
                {"paymentId": "%s", "customerId": "%s", "currency": "EUR", "amount": "98.00", "valueDate": "2051-06-01",
                 "method": "BANK_TRANSFER", "allocations": [{"invoiceId": "%s", "amount": "98.00", "discount": "2.00"}],
                 "unallocatedAmount": "0.00", "receivedAt": "2051-06-01T08:00:00Z"}""".formatted(payment, customer,
                invoice));
        awaitInvoice(invoice, r -> r.body("status", equalTo("PAID")).body("amountPaid", equalTo("98.00"))
                .body("amountDue", equalTo("0.00")).body("amountOverpaid", equalTo("0.00")));

        // payments-service took the allocation back (a wrong match): the invoice owes its total again
        events.publish(Topics.PAYMENTS, "payment-unallocated", customer, payment, """
                {"paymentId": "%s", "customerId": "%s", "currency": "EUR",
                 "allocations": [{"invoiceId": "%s", "amount": "98.00", "discount": "2.00"}],
                 "unallocatedAmount": "98.00", "effectiveDate": "2051-06-02", "unallocatedAt": "2051-06-02T08:00:00Z"}"""
                .formatted(payment, customer, invoice));
        awaitInvoice(invoice, r -> r.body("status", equalTo("ISSUED")).body("amountPaid", equalTo("0.00"))
                .body("amountDue", equalTo("100.00")));

        // allocated again and then reversed: what it still pays there (the later allocation) is given back
        events.paymentAllocated(payment, customer, "EUR", allocations(invoice, "60.00"));
        awaitInvoice(invoice, r -> r.body("amountDue", equalTo("40.00")));
        events.paymentReversed(payment, customer, "EUR", "98.00", allocations(invoice, "60.00"));
        awaitInvoice(invoice, r -> r.body("status", equalTo("ISSUED")).body("amountDue", equalTo("100.00")));
    }

    @Test
    void aFullPaymentReversedMakesTheInvoiceDueAgain() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2051-03-04", "80.00");
        UUID payment = UUID.randomUUID();
        events.paymentReceived(payment, customer, "EUR", "80.00", allocations(invoice, "80.00"));
        awaitInvoice(invoice, r -> r.body("status", equalTo("PAID")));

        events.paymentReversed(payment, customer, "EUR", "80.00", allocations(invoice, "80.00"));

        awaitInvoice(invoice, r -> r.body("status", equalTo("ISSUED")).body("amountPaid", equalTo("0.00"))
                .body("amountDue", equalTo("80.00")));
    }

    @Test
    void onePaymentOfSeveralInvoicesPaysEachByItsAllocation() {
        String customer = customer("EUR");
        String first = invoice(customer, "2051-03-05", "100.00");
        String second = invoice(customer, "2051-03-05", "50.00");

        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "120.00",
                allocations(first, "100.00", second, "20.00"));

        awaitInvoice(second, r -> r.body("status", equalTo("PARTIALLY_PAID")).body("amountDue", equalTo("30.00")));
        get(first).body("status", equalTo("PAID")).body("amountDue", equalTo("0.00"));
    }

    @Test
    void aPaymentOfSeveralInvoicesOneOfWhichIsVoidedChangesNoneAndIsDeadLettered() {
        String customer = customer("EUR");
        String open = invoice(customer, "2051-03-06", "100.00");
        String voided = invoice(customer, "2051-03-06", "10.00");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reasonCode\": \"DUPLICATE\"}")
                .when().post("/invoices/" + voided + "/void").then().statusCode(200);

        UUID rejected = events.paymentReceived(UUID.randomUUID(), customer, "EUR", "60.00",
                allocations(open, "50.00", voided, "10.00"));
        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "5.00", allocations(open, "5.00"));

        // the next event of the partition is applied; the rejected one paid nothing, also not on the open invoice
        awaitInvoice(open, r -> r.body("amountPaid", equalTo("5.00")));
        assertThat(events.deadLetterReasons(List.of(rejected)).get(rejected)).contains("voided");
        get(open).body("amountDue", equalTo("95.00"));
        assertThat(paymentRows(open)).isEqualTo(1);
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2051-03-07", "100.00");
        UUID eventId = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        Map<String, String> headers = CloudEventProducer.headers(eventId, "payment-received", payment.toString());
        String body = BalanceEvents.paymentReceivedBody(payment, customer, "EUR", "25.00", allocations(invoice, "25.00"));
        events.send(Topics.PAYMENTS, customer, headers, body);
        events.send(Topics.PAYMENTS, customer, headers, body);
        // a later event of the same customer, so of the same partition: once it is applied, both copies were seen
        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "1.00", allocations(invoice, "1.00"));

        awaitInvoice(invoice, r -> r.body("amountPaid", equalTo("26.00")).body("amountDue", equalTo("74.00")));
        long applied = pool.preparedQuery("SELECT count(*) FROM inbox WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely().iterator().next().getLong(0);
        assertThat(applied).isEqualTo(1);
    }

    @Test
    void voidingIsRefusedOnceSomethingWasPaidAndAllowedAgainAfterTheReversal() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2051-03-08", "100.00");
        UUID payment = UUID.randomUUID();
        events.paymentReceived(payment, customer, "EUR", "10.00", allocations(invoice, "10.00"));
        awaitInvoice(invoice, r -> r.body("amountPaid", equalTo("10.00")));
        String etag = get(invoice).extract().header("ETag");

        given().contentType(ContentType.JSON).header("If-Match", etag).body("{\"reasonCode\": \"ISSUED_IN_ERROR\"}")
                .when().post("/invoices/" + invoice + "/void")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/conflict"))
                .body("detail", containsString("payments of 10.00 EUR"));
        assertThat(outboxRows(invoice, "invoice-voided")).isZero();

        events.paymentReversed(payment, customer, "EUR", "10.00", allocations(invoice, "10.00"));
        awaitInvoice(invoice, r -> r.body("amountPaid", equalTo("0.00")));
        given().contentType(ContentType.JSON).header("If-Match", get(invoice).extract().header("ETag"))
                .body("{\"reasonCode\": \"ISSUED_IN_ERROR\"}").when().post("/invoices/" + invoice + "/void")
                .then().statusCode(200).body("status", equalTo("VOIDED"));
    }

    @Test
    void aWriteOffWritesOffOnlyWhatIsStillDue() throws Exception {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2051-03-09", "100.00");
        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "40.00", allocations(invoice, "40.00"));
        awaitInvoice(invoice, r -> r.body("amountDue", equalTo("60.00")));

        given().contentType(ContentType.JSON).header("If-Match", get(invoice).extract().header("ETag"))
                .body("{\"reasonCode\": \"UNCOLLECTIBLE\"}")
                .when().post("/invoices/" + invoice + "/write-off")
                .then().statusCode(200).body("status", equalTo("WRITTEN_OFF")).body("amountDue", equalTo("0.00"))
                .body("amountPaid", equalTo("40.00"));

        String payload = db.outboxRowFor(invoice, "invoice-written-off").getString("payload");
        assertThat(new BigDecimal(io.receivables.contracts.json.EventJson.mapper().readTree(payload).get("amount")
                .asText())).isEqualByComparingTo("60.00");
    }

    private long paymentRows(String invoiceId) {
        return pool.preparedQuery("SELECT count(*) FROM invoice_payment WHERE invoice_id = $1")
                .execute(Tuple.of(UUID.fromString(invoiceId))).await().indefinitely().iterator().next().getLong(0);
    }

    private long outboxRows(String invoiceId, String type) {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE aggregateid = $1 AND type = $2")
                .execute(Tuple.of(invoiceId, type)).await().indefinitely().iterator().next().getLong(0);
    }
}
