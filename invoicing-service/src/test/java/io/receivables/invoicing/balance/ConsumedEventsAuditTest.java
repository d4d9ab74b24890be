package io.receivables.invoicing.balance;

import static io.receivables.invoicing.balance.BalanceEvents.allocations;
import static io.receivables.invoicing.balance.BalanceEvents.awaitInvoice;
import static io.receivables.invoicing.balance.BalanceEvents.customer;
import static io.receivables.invoicing.balance.BalanceEvents.invoice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Changes invoicing makes when it applies another service's events are the consumer's: audited with its system actor,
 * not with whoever made the payment or opened the dispute in the other service.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class ConsumedEventsAuditTest {

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
    void aPaymentAppliedByTheConsumerIsAuditedWithItsSystemActor() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2051-03-01", "100.00");
        UUID payment = UUID.randomUUID();

        events.paymentReceived(payment, customer, "EUR", "40.00", allocations(invoice, "40.00"));
        awaitInvoice(invoice, r -> r.body("amountDue", equalTo("60.00")));

        JsonPath entries = given().queryParam("entityId", invoice).get("/audit").then().statusCode(200).extract()
                .jsonPath();
        assertThat(entries.getList("items.operation")).containsExactly("payment-received", "invoice-issued");
        assertThat(entries.getMap("items[0].actor")).isEqualTo(Map.of("kind", "SYSTEM",
                "id", "system:payments-events-consumer"));
        assertThat(entries.getList("items[0].summary")).containsExactlyInAnyOrderElementsOf(List.of(
                Map.of("field", "paymentId", "to", payment.toString()), Map.of("field", "amount", "to", "40.00"),
                Map.of("field", "amountDue", "from", "100.00", "to", "60.00")));
        assertThat(given().queryParam("actor", "system:payments-events-consumer").queryParam("entityId", invoice)
                .get("/audit").then().statusCode(200).extract().jsonPath().getList("items")).hasSize(1);
    }

    @Test
    void aDisputeOpenedAndResolvedIsAuditedWithTheDisputesConsumer() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2051-03-01", "100.00");
        UUID dispute = UUID.randomUUID();

        events.disputeOpened(dispute, customer, invoice, "EUR", "30.00");
        awaitInvoice(invoice, r -> r.body("status", equalTo("DISPUTED")));
        events.disputeResolved(dispute, customer, invoice, "EUR", "30.00");
        awaitInvoice(invoice, r -> r.body("status", equalTo("ISSUED")));

        JsonPath entries = given().queryParam("entityId", invoice).queryParam("actor", "system:disputes-events-consumer")
                .get("/audit").then().statusCode(200).extract().jsonPath();
        assertThat(entries.getList("items.operation")).containsExactly("dispute-resolved", "dispute-opened");
        assertThat(entries.getList("items[0].summary")).contains(Map.of("field", "outcome", "to", "COMPANY_FAVOUR"),
                Map.of("field", "disputedAmount", "from", "30.00", "to", "0.00"));
        assertThat(entries.getList("items[1].summary")).contains(Map.of("field", "disputedAmount", "from", "0.00",
                "to", "30.00"));
    }
}
