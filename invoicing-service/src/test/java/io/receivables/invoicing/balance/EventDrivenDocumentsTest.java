package io.receivables.invoicing.balance;

import static io.receivables.invoicing.balance.BalanceEvents.awaitInvoice;
import static io.receivables.invoicing.balance.BalanceEvents.customer;
import static io.receivables.invoicing.balance.BalanceEvents.invoice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.Topics;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The documents events create, end to end through Kafka and the inbox: a credit note when a dispute is resolved in the
 * customer's favour, a fee invoice when dunning assesses a late fee; each once, however often the event arrives.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class EventDrivenDocumentsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

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
    void aDisputeResolvedInTheCustomersFavourCreditsTheInvoiceOnceAndClosesTheDispute() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2053-03-01", "100.00");
        UUID dispute = UUID.randomUUID();
        events.disputeOpened(dispute, customer, invoice, "EUR", "30.00");
        awaitInvoice(invoice, r -> r.body("status", equalTo("DISPUTED")));

        String resolved = """
                {"disputeId": "%s", "customerId": "%s", "invoiceId": "%s", "currency": "EUR", "disputedAmount": "30.00",
                 "outcome": "PARTIAL", "creditedAmount": "20.00", "resolvedAt": "2053-03-10T09:00:00Z"}"""
                .formatted(dispute, customer, invoice);
        UUID eventId = UUID.randomUUID();
        var headers = io.receivables.common.testing.CloudEventProducer.headers(eventId, "dispute-resolved",
                dispute.toString());
        events.send(Topics.DISPUTES, customer, headers, resolved);
        events.send(Topics.DISPUTES, customer, headers, resolved);

        awaitInvoice(invoice, r -> r.body("status", equalTo("ISSUED")).body("disputedAmount", equalTo("0.00"))
                .body("amountCredited", equalTo("20.00")).body("amountDue", equalTo("80.00")));
        JsonPath credits = given().when().get("/invoices/" + invoice + "/credit-notes").then().statusCode(200)
                .extract().jsonPath();
        assertThat(credits.getList("items")).hasSize(1);
        assertThat(credits.getString("items[0].reasonCode")).isEqualTo("DISPUTE_RESOLUTION");
        assertThat(credits.getString("items[0].total")).isEqualTo("20.00");
    }

    @Test
    void aLateFeeBecomesOneFeeInvoiceForTheCustomer() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2053-01-05", "100.00");
        UUID lateFee = UUID.randomUUID();
        String assessed = """
                {"lateFeeId": "%s", "customerId": "%s", "invoiceId": "%s", "currency": "EUR", "amount": "40.00",
                 "kind": "FIXED_FEE", "daysOverdue": 12, "assessmentDate": "2053-02-16",
                 "assessedAt": "2053-02-16T06:00:00Z"}""".formatted(lateFee, customer, invoice);
        var headers = io.receivables.common.testing.CloudEventProducer.headers(UUID.randomUUID(), "late-fee-assessed",
                lateFee.toString());
        events.send(Topics.DUNNING, customer, headers, assessed);
        events.send(Topics.DUNNING, customer, headers, assessed);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> fees = given().queryParam("customerId", customer).when().get("/invoices").then()
                    .statusCode(200).extract().jsonPath().getList("items.findAll { it.feeForInvoiceId != null }.id");
            assertThat(fees).hasSize(1);
        });
        JsonPath fee = given().queryParam("customerId", customer).when().get("/invoices").then().extract().jsonPath();
        assertThat(fee.getString("items.find { it.feeForInvoiceId != null }.total")).isEqualTo("40.00");
        assertThat(fee.getString("items.find { it.feeForInvoiceId != null }.issueDate")).isEqualTo("2053-02-16");
        assertThat(fee.getString("items.find { it.feeForInvoiceId != null }.feeForInvoiceId")).isEqualTo(invoice);
    }
}
