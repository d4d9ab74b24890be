package io.receivables.payments.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import io.receivables.contracts.events.PaymentAllocated;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.contracts.events.PaymentReversed;
import io.receivables.contracts.events.PaymentUnallocated;
import io.receivables.contracts.events.RefundIssued;
import io.receivables.contracts.json.EventJson;
import io.receivables.local.testing.LocalInfraTestResource;
import io.receivables.payments.InvoicingEvents;
import io.receivables.payments.PaymentsDatabase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Manual allocation (and assigning an unidentified payment), and reversal, each with its event. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PaymentChangesTest {

    static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    PaymentsDatabase db;

    CloudEventProducer producer;
    InvoicingEvents events;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new InvoicingEvents(producer);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void anUnidentifiedPaymentIsAssignedAndAllocatedByHandThenMoreOfItLater() {
        UUID customer = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        events.customerRegistered(customer, "Initech", "EUR");
        events.invoiceIssued(customer, first, PaymentRecordingTest.number(), "EUR", "70.00", ISSUED, null);
        events.invoiceIssued(customer, second, PaymentRecordingTest.number(), "EUR", "50.00", ISSUED, null);
        awaitInvoice(second);
        JsonPath unknown = given().contentType("application/json").body(Map.of("amount", "100.00", "currency", "EUR",
                "valueDate", "2026-11-20", "method", "BANK_TRANSFER", "remittanceText", "thank you"))
                .post("/payments").then().statusCode(201).extract().jsonPath();
        String id = unknown.getString("id");
        assertThat(unknown.getBoolean("inReview")).isTrue();

        Response missingIfMatch = given().contentType("application/json").body(Map.of("customerId",
                customer.toString())).post("/payments/" + id + "/allocations");
        assertThat(missingIfMatch.statusCode()).isEqualTo(428);
        Response future = allocate(id, "\"0\"", Map.of("customerId", customer.toString(), "effectiveDate",
                LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.jsonPath().getList("errors.field", String.class)).contains("effectiveDate");
        Response beforeValueDate = allocate(id, "\"0\"", Map.of("customerId", customer.toString(), "effectiveDate",
                "2026-11-19"));
        assertThat(beforeValueDate.jsonPath().getList("errors.field", String.class)).contains("effectiveDate");

        Response assigned = allocate(id, "\"0\"", Map.of("customerId", customer.toString(), "allocations",
                List.of(Map.of("invoiceId", first.toString(), "amount", "70.00"))));
        assertThat(assigned.statusCode()).as(assigned.asString()).isEqualTo(200);
        assertThat(assigned.jsonPath().getString("status")).isEqualTo("PARTIALLY_APPLIED");
        assertThat(assigned.jsonPath().getBoolean("inReview")).isFalse();
        PaymentReceived received = EventJson.read(db.outboxRowFor(id, "payment-received").getString("payload"),
                PaymentReceived.class);
        assertThat(received.customerId()).isEqualTo(customer);
        assertThat(received.allocations()).singleElement().satisfies(a -> assertThat(a.invoiceId()).isEqualTo(first));
        assertThat(received.unallocatedAmount()).isEqualByComparingTo("30.00");

        Response tooMuch = allocate(id, assigned.header("ETag"), Map.of("allocations", List.of(Map.of("invoiceId",
                second.toString(), "amount", "40.00"))));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.jsonPath().getList("errors.field", String.class)).contains("allocations");

        Response more = allocate(id, assigned.header("ETag"), Map.of("allocations", List.of(Map.of("invoiceId",
                second.toString(), "amount", "30.00")), "effectiveDate", "2026-11-21"));
        assertThat(more.statusCode()).as(more.asString()).isEqualTo(200);
        assertThat(more.jsonPath().getString("status")).isEqualTo("APPLIED");
        PaymentAllocated allocated = EventJson.read(db.outboxRowFor(id, "payment-allocated").getString("payload"),
                PaymentAllocated.class);
        assertThat(allocated.effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(allocated.unallocatedAmount()).isEqualByComparingTo("0");
        assertThat(db.openAmount(second)).isEqualByComparingTo("20.00");

        Response stale = allocate(id, assigned.header("ETag"), Map.of("allocations", List.of(Map.of("invoiceId",
                second.toString(), "amount", "1.00"))));
        assertThat(stale.statusCode()).isEqualTo(412);
    }

    @Test
    void aReversedPaymentReopensItsInvoicesAndPublishesWhatItGivesBack() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        String number = PaymentRecordingTest.number();
        events.customerRegistered(customer, "Umbrella", "EUR");
        events.invoiceIssued(customer, invoice, number, "EUR", "80.00", ISSUED, null);
        awaitInvoice(invoice);
        Response paid = given().contentType("application/json").body(Map.of("customerId", customer.toString(),
                "amount", "100.00", "currency", "EUR", "valueDate", "2026-11-20", "method", "DIRECT_DEBIT",
                "remittanceText", number)).post("/payments");
        String id = paid.jsonPath().getString("id");
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("0");

        Response early = reverse(id, paid.header("ETag"), Map.of("reason", "BOUNCED", "date", "2026-11-19"));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.jsonPath().getList("errors.field", String.class)).contains("date");

        Response reversed = reverse(id, paid.header("ETag"), Map.of("reason", "BOUNCED", "date", "2026-11-25",
                "note", "AC04 account closed"));
        assertThat(reversed.statusCode()).as(reversed.asString()).isEqualTo(200);
        assertThat(reversed.jsonPath().getString("status")).isEqualTo("REVERSED");
        assertThat(reversed.jsonPath().getString("allocations[0].removedOn")).isEqualTo("2026-11-25");
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("80.00");
        PaymentReversed event = EventJson.read(db.outboxRowFor(id, "payment-reversed").getString("payload"),
                PaymentReversed.class);
        assertThat(event.reasonCode()).isEqualTo(PaymentReversed.ReasonCode.RETURNED_BY_BANK);
        assertThat(event.reversedAllocations()).singleElement().satisfies(a -> {
            assertThat(a.invoiceId()).isEqualTo(invoice);
            assertThat(a.amount()).isEqualByComparingTo("80.00");
        });
        assertThat(event.amount()).isEqualByComparingTo("100.00");

        assertThat(reverse(id, reversed.header("ETag"), Map.of("reason", "BOUNCED")).statusCode()).isEqualTo(409);
    }

    @Test
    void anAllocationTakenBackReopensItsInvoiceAndPublishesPaymentUnallocated() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        String number = PaymentRecordingTest.number();
        events.customerRegistered(customer, "Hooli", "EUR");
        events.invoiceIssued(customer, invoice, number, "EUR", "60.00", ISSUED, null);
        awaitInvoice(invoice);
        Response paid = given().contentType("application/json").body(Map.of("customerId", customer.toString(),
                "amount", "60.00", "currency", "EUR", "valueDate", "2026-11-20", "method", "BANK_TRANSFER"))
                .post("/payments");
        String id = paid.jsonPath().getString("id");
        String allocation = paid.jsonPath().getString("allocations[0].id");
        assertThat(paid.jsonPath().getString("allocations[0].rule")).isEqualTo("EXACT_AMOUNT");

        Response badDate = given().header("If-Match", paid.header("ETag"))
                .delete("/payments/" + id + "/allocations/" + allocation + "?effectiveDate=2026-13-01");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.jsonPath().getList("errors.field", String.class)).contains("effectiveDate");

        Response taken = given().header("If-Match", paid.header("ETag"))
                .delete("/payments/" + id + "/allocations/" + allocation + "?effectiveDate=2026-11-22");
        assertThat(taken.statusCode()).as(taken.asString()).isEqualTo(200);
        assertThat(taken.jsonPath().getString("status")).isEqualTo("UNAPPLIED");
        assertThat(taken.jsonPath().getString("allocations[0].removedOn")).isEqualTo("2026-11-22");
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("60.00");
        PaymentUnallocated event = EventJson.read(db.outboxRowFor(id, "payment-unallocated").getString("payload"),
                PaymentUnallocated.class);
        assertThat(event.allocations()).singleElement().satisfies(a -> assertThat(a.amount()).isEqualByComparingTo(
                "60.00"));
        assertThat(event.effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 22));

        Response again = given().header("If-Match", taken.header("ETag"))
                .delete("/payments/" + id + "/allocations/" + allocation);
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void unappliedCashShowsOnTheBalanceWithItsSourcesAndIsRefundedNeverBeyondIt() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        String number = PaymentRecordingTest.number();
        events.customerRegistered(customer, "Massive Dynamic", "EUR");
        events.invoiceIssued(customer, invoice, number, "EUR", "100.00", ISSUED, null);
        awaitInvoice(invoice);
        String overpaid = given().contentType("application/json").body(Map.of("customerId", customer.toString(),
                "amount", "130.00", "currency", "EUR", "valueDate", "2026-11-20", "method", "BANK_TRANSFER",
                "remittanceText", number)).post("/payments").then().statusCode(201).extract().path("id");
        String onAccount = given().contentType("application/json").body(Map.of("customerId", customer.toString(),
                "amount", "20.00", "currency", "EUR", "valueDate", "2026-11-21", "method", "CARD")).post("/payments")
                .then().statusCode(201).extract().path("id");

        JsonPath balance = given().get("/customers/" + customer + "/balance").then().statusCode(200).extract()
                .jsonPath();
        assertThat(balance.getString("currencies[0].currency")).isEqualTo("EUR");
        assertThat(balance.getString("currencies[0].unappliedCash")).isEqualTo("50.00");
        assertThat(balance.getList("currencies[0].sources.paymentId")).containsExactly(overpaid, onAccount);

        Response tooMuch = given().contentType("application/json").body(Map.of("amount", "50.01", "currency", "EUR",
                "method", "BANK_TRANSFER")).post("/customers/" + customer + "/refunds");
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.jsonPath().getList("errors.field", String.class)).contains("amount");

        JsonPath refund = given().contentType("application/json").body(Map.of("amount", "40.00", "currency", "EUR",
                "method", "BANK_TRANSFER", "payeeAccount", "DE89 3704 0044 0532 0130 00")).post("/customers/"
                        + customer + "/refunds")
                .then().statusCode(201).extract().jsonPath();
        assertThat(refund.getList("sources.paymentId")).containsExactly(overpaid, onAccount);
        assertThat(refund.getList("sources.amount")).containsExactly("30.00", "10.00");
        RefundIssued issued = EventJson.read(db.outboxRowFor(refund.getString("id"), "refund-issued")
                .getString("payload"), RefundIssued.class);
        assertThat(issued.amount()).isEqualByComparingTo("40.00");
        assertThat(issued.customerId()).isEqualTo(customer);
        assertThat(given().get("/customers/" + customer + "/balance").then().statusCode(200).extract()
                .<String> path("currencies[0].unappliedCash")).isEqualTo("10.00");
        assertThat(given().get("/customers/" + UUID.randomUUID() + "/balance").statusCode()).isEqualTo(404);
    }

    private void awaitInvoice(UUID invoice) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.openAmount(invoice) != null);
    }

    private static Response allocate(String id, String etag, Map<String, Object> body) {
        return given().contentType("application/json").header("If-Match", etag).body(body)
                .post("/payments/" + id + "/allocations");
    }

    private static Response reverse(String id, String etag, Map<String, Object> body) {
        return given().contentType("application/json").header("If-Match", etag).body(body)
                .post("/payments/" + id + "/reverse");
    }
}
