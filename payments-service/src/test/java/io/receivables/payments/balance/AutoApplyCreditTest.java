package io.receivables.payments.balance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.contracts.events.PaymentAllocated;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.local.testing.LocalInfraTestResource;
import io.receivables.payments.InvoicingEvents;
import io.receivables.payments.PaymentsDatabase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A customer's setting autoApplyCredit: its unapplied cash goes to each invoice issued to it as invoice-issued arrives
 * (oldest payments first, up to what is open, in the invoice's currency), once however often the event is delivered;
 * without the setting nothing moves.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class AutoApplyCreditTest {

    static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);
    static final LocalDate LATER = LocalDate.of(2026, 11, 25);
    static final String CONSUMER = "system:invoicing-events-consumer";

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
    void withTheSettingOnLaterInvoicesTakeTheUnappliedCashOldestPaymentFirstUntilItIsSpent() {
        UUID customer = customerWithAnInvoice("Wayne Enterprises");
        // neither matches the open 100.00 invoice: 50.00 unapplied, the older payment first
        String older = pay(customer, "30.00", "2026-11-20");
        String newer = pay(customer, "20.00", "2026-11-21");
        assertThat(unappliedCash(customer)).isEqualTo("50.00");

        JsonPath defaults = given().get("/customers/" + customer + "/payment-settings").then().statusCode(200)
                .extract().jsonPath();
        assertThat(defaults.getBoolean("autoApplyCredit")).isFalse();
        assertThat(defaults.getString("updatedAt")).isNull();
        JsonPath set = given().contentType("application/json").body(Map.of("autoApplyCredit", true))
                .put("/customers/" + customer + "/payment-settings").then().statusCode(200).extract().jsonPath();
        assertThat(set.getBoolean("autoApplyCredit")).isTrue();
        assertThat(set.getString("updatedAt")).isNotNull();
        assertThat(given().get("/customers/" + customer + "/payment-settings").then().statusCode(200).extract()
                .<Boolean> path("autoApplyCredit")).isTrue();
        assertThat(db.count("audit_log", "operation = $1 AND entity_id = $2", "updatePaymentSettings",
                customer.toString())).isEqualTo(1);

        // 40.00: all 30.00 of the older payment, 10.00 of the newer
        UUID second = UUID.randomUUID();
        events.invoiceIssued(customer, second, number(), "EUR", "40.00", LATER, null);
        awaitInvoice(second);
        assertThat(db.openAmount(second)).isEqualByComparingTo("0");
        assertThat(allocationOf(older, second)).isEqualTo("30.00");
        assertThat(allocationOf(newer, second)).isEqualTo("10.00");
        JsonPath olderNow = given().get("/payments/" + older).then().statusCode(200).extract().jsonPath();
        assertThat(olderNow.getString("status")).isEqualTo("APPLIED");
        assertThat(olderNow.getString("allocations[0].rule")).isEqualTo("AUTO_APPLY_CREDIT");
        assertThat(olderNow.getString("allocations[0].effectiveDate")).as("the invoice's issue date")
                .isEqualTo(LATER.toString());
        assertThat(given().get("/payments/" + newer).then().extract().<String> path("status"))
                .isEqualTo("PARTIALLY_APPLIED");
        PaymentAllocated published = allocated(older);
        assertThat(published.allocations()).singleElement().satisfies(a -> {
            assertThat(a.invoiceId()).isEqualTo(second);
            assertThat(a.amount()).isEqualByComparingTo("30.00");
        });
        assertThat(published.unallocatedAmount()).isEqualByComparingTo("0");
        assertThat(published.actor().id()).isEqualTo(CONSUMER);
        assertThat(allocated(newer).unallocatedAmount()).isEqualByComparingTo("10.00");
        assertThat(unappliedCash(customer)).isEqualTo("10.00");

        // partial credit: 10.00 left for a 25.00 invoice, which stays open by 15.00; nothing in another currency
        UUID third = UUID.randomUUID();
        UUID dollars = UUID.randomUUID();
        events.invoiceIssued(customer, third, number(), "EUR", "25.00", LATER, null);
        events.invoiceIssued(customer, dollars, number(), "USD", "25.00", LATER, null);
        awaitInvoice(dollars);
        assertThat(db.openAmount(third)).isEqualByComparingTo("15.00");
        assertThat(allocationOf(newer, third)).isEqualTo("10.00");
        assertThat(db.openAmount(dollars)).isEqualByComparingTo("25.00");
        assertThat(given().get("/payments/" + newer).then().extract().<String> path("status")).isEqualTo("APPLIED");
        assertThat(given().get("/customers/" + customer + "/balance").then().statusCode(200).extract()
                .<List<?>> path("currencies")).isEmpty();
    }

    @Test
    void withoutTheSettingOrWithItTurnedOffAgainTheCashStaysOnTheAccount() {
        UUID customer = customerWithAnInvoice("Stark Industries");
        String payment = pay(customer, "50.00", "2026-11-20");
        UUID untouched = UUID.randomUUID();
        events.invoiceIssued(customer, untouched, number(), "EUR", "30.00", LATER, null);
        awaitInvoice(untouched);
        assertThat(db.openAmount(untouched)).as("off by default").isEqualByComparingTo("30.00");

        given().contentType("application/json").body(Map.of("autoApplyCredit", true))
                .put("/customers/" + customer + "/payment-settings").then().statusCode(200);
        given().contentType("application/json").body(Map.of("autoApplyCredit", false))
                .put("/customers/" + customer + "/payment-settings").then().statusCode(200)
                .body("autoApplyCredit", equalTo(false));
        UUID stillUntouched = UUID.randomUUID();
        events.invoiceIssued(customer, stillUntouched, number(), "EUR", "20.00", LATER, null);
        awaitInvoice(stillUntouched);
        assertThat(db.openAmount(stillUntouched)).isEqualByComparingTo("20.00");
        assertThat(db.count("payment_allocation", "payment_id = $1", UUID.fromString(payment))).isZero();
        assertThat(unappliedCash(customer)).isEqualTo("50.00");
    }

    @Test
    void aRedeliveredInvoiceIssuedAllocatesOnce() {
        UUID customer = customerWithAnInvoice("Cyberdyne");
        String payment = pay(customer, "200.00", "2026-11-20");
        given().contentType("application/json").body(Map.of("autoApplyCredit", true))
                .put("/customers/" + customer + "/payment-settings").then().statusCode(200);

        UUID invoice = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String number = number();
        events.invoiceIssued(eventId, customer, invoice, number, "EUR", "30.00", LATER, null);
        events.invoiceIssued(eventId, customer, invoice, number, "EUR", "30.00", LATER, null);
        // the sentinel: same key, so same partition, after both; in USD, where the customer has no cash to apply
        UUID sentinel = UUID.randomUUID();
        events.invoiceIssued(customer, sentinel, number(), "USD", "1.00", LATER, null);
        awaitInvoice(sentinel);

        assertThat(db.openAmount(invoice)).isEqualByComparingTo("0");
        assertThat(db.count("payment_allocation", "invoice_id = $1", invoice)).as("allocated once").isEqualTo(1);
        assertThat(db.count("outbox", "aggregateid = $1 AND type = 'payment-allocated'", payment)).isEqualTo(1);
        assertThat(unappliedCash(customer)).isEqualTo("170.00");
        assertThat(db.openAmount(sentinel)).isEqualByComparingTo("1.00");
    }

    @Test
    void aRefundRacingTheNewInvoiceNeverSpendsTheSameCashTwice() {
        UUID customer = customerWithAnInvoice("Soylent");
        String payment = pay(customer, "50.00", "2026-11-20");
        given().contentType("application/json").body(Map.of("autoApplyCredit", true))
                .put("/customers/" + customer + "/payment-settings").then().statusCode(200);

        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, number(), "EUR", "40.00", LATER, null);
        Response refund = given().contentType("application/json").body(Map.of("amount", "50.00", "currency", "EUR",
                "method", "BANK_TRANSFER")).post("/customers/" + customer + "/refunds");
        awaitInvoice(invoice);

        JsonPath after = given().get("/payments/" + payment).then().statusCode(200).extract().jsonPath();
        if (refund.statusCode() == 201) {
            assertThat(db.openAmount(invoice)).as("refunded first: nothing left to apply").isEqualByComparingTo("40.00");
            assertThat(after.getString("refundedAmount")).isEqualTo("50.00");
            assertThat(after.getList("allocations")).isEmpty();
        } else {
            assertThat(refund.statusCode()).as(refund.asString()).isEqualTo(400);
            assertThat(refund.jsonPath().getList("errors.field", String.class)).contains("amount");
            assertThat(db.openAmount(invoice)).as("applied first: 10.00 left, less than the refund")
                    .isEqualByComparingTo("0");
            assertThat(after.getString("unallocatedAmount")).isEqualTo("10.00");
            assertThat(after.getString("refundedAmount")).isEqualTo("0.00");
        }
    }

    @Test
    void anUnknownCustomerIs404AndABadBody400NamingTheFieldWritingNothing() {
        UUID unknown = UUID.randomUUID();
        given().get("/customers/" + unknown + "/payment-settings").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/not-found"));
        given().contentType("application/json").body(Map.of("autoApplyCredit", true))
                .put("/customers/" + unknown + "/payment-settings").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/not-found"));

        UUID customer = customerWithAnInvoice("Tyrell");
        for (String body : List.of("{\"autoApplyCredit\": \"yes\"}", "{\"autoApplyCredit\": 1}",
                "{\"autoApplyCredit\": [true]}", "{}", "{\"autoApplyCredit\": true, \"credit\": true}")) {
            Response refused = given().contentType("application/json").body(body)
                    .put("/customers/" + customer + "/payment-settings");
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).as(body).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getList("errors.field", String.class)).as(body)
                    .containsAnyOf("autoApplyCredit", "credit");
        }
        assertThat(db.count("customer_payment_settings", "customer_id = $1", customer)).isZero();
        assertThat(db.count("customer_payment_settings", "customer_id = $1", unknown)).isZero();
    }

    /** A customer with one 100.00 invoice, known to payments. */
    private UUID customerWithAnInvoice(String name) {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.customerRegistered(customer, name, "EUR");
        events.invoiceIssued(customer, invoice, number(), "EUR", "100.00", ISSUED, null);
        awaitInvoice(invoice);
        return customer;
    }

    /** A payment of the customer without remittance: what no open invoice's amount matches stays unapplied. */
    private static String pay(UUID customer, String amount, String valueDate) {
        return given().contentType("application/json").body(Map.of("customerId", customer.toString(), "amount",
                amount, "currency", "EUR", "valueDate", valueDate, "method", "BANK_TRANSFER")).post("/payments").then()
                .statusCode(201).extract().path("id");
    }

    private static String unappliedCash(UUID customer) {
        return given().get("/customers/" + customer + "/balance").then().statusCode(200).extract()
                .path("currencies.find { it.currency == 'EUR' }.unappliedCash");
    }

    private static String allocationOf(String payment, UUID invoice) {
        return given().get("/payments/" + payment).then().statusCode(200).extract()
                .path("allocations.find { it.invoiceId == '" + invoice + "' }.amount");
    }

    private PaymentAllocated allocated(String payment) {
        String payload = db.outboxRowFor(payment, "payment-allocated").getString("payload");
        JsonNode json = EventJson.readTree(payload);
        assertThat(EventValidator.shared().validate("payment-allocated", json.toString()).isValid()).as(payload)
                .isTrue();
        return EventJson.read(json, PaymentAllocated.class);
    }

    private void awaitInvoice(UUID invoice) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.openAmount(invoice) != null);
    }

    private static String number() {
        return "AC%d-%09d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1_000_000_000));
    }
}
