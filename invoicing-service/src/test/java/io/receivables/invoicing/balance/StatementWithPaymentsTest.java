package io.receivables.invoicing.balance;

import static io.receivables.invoicing.balance.BalanceEvents.allocations;
import static io.receivables.invoicing.balance.BalanceEvents.awaitInvoice;
import static io.receivables.invoicing.balance.BalanceEvents.customer;
import static io.receivables.invoicing.balance.BalanceEvents.invoice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
 * A statement of account counts a payment from its value date until its reversal date (the business dates in the
 * events, not when they were processed), and shows an overpayment as a credit.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class StatementWithPaymentsTest {

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

    private static JsonPath statement(String customer, String asOf) {
        return given().queryParam("asOf", asOf).when().get("/customers/" + customer + "/statement").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void countsAPaymentFromItsValueDateUntilItsReversalAndAnOverpaymentAsACredit() {
        String customer = customer("EUR");
        String partlyPaid = invoice(customer, "2051-05-01", "100.00");
        String overpaid = invoice(customer, "2051-05-02", "50.00");
        UUID payment = UUID.randomUUID();
        // value date 2051-06-01, reversed on 2051-06-03 (BalanceEvents' business dates)
        events.paymentReceived(payment, customer, "EUR", "40.00", allocations(partlyPaid, "40.00"));
        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "70.00", allocations(overpaid, "70.00"));
        awaitInvoice(overpaid, r -> r.body("amountOverpaid", equalTo("20.00")));
        events.paymentReversed(payment, customer, "EUR", "40.00", allocations(partlyPaid, "40.00"));
        awaitInvoice(partlyPaid, r -> r.body("amountPaid", equalTo("0.00")));

        JsonPath before = statement(customer, "2051-05-31");
        assertThat(before.getList("openItems.openAmount")).containsExactly("100.00", "50.00");
        assertThat(before.getString("balance")).isEqualTo("150.00");

        JsonPath paid = statement(customer, "2051-06-02");
        assertThat(paid.getList("openItems.openAmount")).containsExactly("60.00");
        assertThat(paid.getList("credits.kind")).containsExactly("PAYMENT");
        assertThat(paid.getList("credits.openAmount")).containsExactly("-20.00");
        assertThat(paid.getString("balance")).isEqualTo("40.00");

        JsonPath reversed = statement(customer, "2051-06-05");
        assertThat(reversed.getList("openItems.openAmount")).containsExactly("100.00");
        assertThat(reversed.getString("balance")).isEqualTo("80.00");
    }

    @Test
    void aLaterAllocationOfAPaymentCountsFromTheDayItWasAllocated() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2051-05-03", "100.00");
        UUID payment = UUID.randomUUID();
        // 40.00 with value date 2051-06-01, then 30.00 more of the same payment allocated on 2051-06-02
        events.paymentReceived(payment, customer, "EUR", "70.00", allocations(invoice, "40.00"));
        events.paymentAllocated(payment, customer, "EUR", allocations(invoice, "30.00"));
        awaitInvoice(invoice, r -> r.body("amountPaid", equalTo("70.00")));

        assertThat(statement(customer, "2051-06-01").getList("openItems.openAmount")).containsExactly("60.00");
        assertThat(statement(customer, "2051-06-02").getList("openItems.openAmount")).containsExactly("30.00");

        // a reversal gives back both allocations: from its date nothing of the payment counts
        events.paymentReversed(payment, customer, "EUR", "70.00", allocations(invoice, "70.00"));
        awaitInvoice(invoice, r -> r.body("amountPaid", equalTo("0.00")));
        assertThat(statement(customer, "2051-06-02").getList("openItems.openAmount")).containsExactly("30.00");
        assertThat(statement(customer, "2051-06-03").getList("openItems.openAmount")).containsExactly("100.00");
    }
}
