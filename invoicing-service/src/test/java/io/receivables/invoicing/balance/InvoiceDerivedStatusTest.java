package io.receivables.invoicing.balance;

import static io.receivables.invoicing.balance.BalanceEvents.allocations;
import static io.receivables.invoicing.balance.BalanceEvents.awaitInvoice;
import static io.receivables.invoicing.balance.BalanceEvents.customer;
import static io.receivables.invoicing.balance.BalanceEvents.get;
import static io.receivables.invoicing.balance.BalanceEvents.invoice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import io.receivables.invoicing.MutableClock;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;

/**
 * The derived status on the day of the request (the controllable clock moves "today"), and GET /invoices filtering by
 * it in SQL with the same precedence as the single invoice shows.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class InvoiceDerivedStatusTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    MutableClock clock;

    BalanceEvents events;

    @BeforeEach
    void connect() {
        events = new BalanceEvents(bootstrap);
    }

    @AfterEach
    void disconnect() {
        events.close();
        clock.reset();
    }

    /** The ids of the customer's invoices listed with {@code filter} (name, value, ...), all on one page. */
    private static List<String> listed(String customer, String... filter) {
        var request = given().queryParam("customerId", customer).queryParam("limit", 100);
        for (int i = 0; i < filter.length; i += 2) {
            request = request.queryParam(filter[i], filter[i + 1]);
        }
        return request.when().get("/invoices").then().statusCode(200).extract().path("items.id");
    }

    private void moveTodayTo(String date) {
        clock.advance(Duration.between(clock.instant(), LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    @Test
    void anInvoiceIsOverdueFromTheDayAfterItsDueDateUnlessDisputed() {
        String customer = customer("EUR");
        String unpaid = invoice(customer, "2053-01-10", "100.00"); // due 2053-02-09
        String partlyPaid = invoice(customer, "2053-01-10", "100.00");
        String disputed = invoice(customer, "2053-01-10", "100.00");
        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "40.00", allocations(partlyPaid, "40.00"));
        events.disputeOpened(UUID.randomUUID(), customer, disputed, "EUR", "100.00");
        awaitInvoice(partlyPaid, r -> r.body("status", equalTo("PARTIALLY_PAID")));
        awaitInvoice(disputed, r -> r.body("status", equalTo("DISPUTED")));

        moveTodayTo("2053-02-09");
        get(unpaid).body("status", equalTo("ISSUED")).body("dueDate", equalTo("2053-02-09"));
        assertThat(listed(customer, "overdue", "true")).isEmpty();

        moveTodayTo("2053-02-10");
        get(unpaid).body("status", equalTo("OVERDUE"));
        get(partlyPaid).body("status", equalTo("OVERDUE")).body("amountDue", equalTo("60.00"));
        get(disputed).body("status", equalTo("DISPUTED"));
        assertThat(listed(customer, "status", "OVERDUE")).containsExactlyInAnyOrder(unpaid, partlyPaid);
        assertThat(listed(customer, "status", "DISPUTED")).containsExactly(disputed);
        // overdue=true keeps meaning "not fully paid and due before today", disputed or not
        assertThat(listed(customer, "overdue", "true")).containsExactlyInAnyOrder(unpaid, partlyPaid, disputed);
    }

    @Test
    void listsInvoicesByTheirDerivedStatus() {
        String customer = customer("EUR");
        Map<String, String> byStatus = Map.of(
                "ISSUED", invoice(customer, "2053-05-01", "10.00"),
                "PARTIALLY_PAID", invoice(customer, "2053-05-01", "10.00"),
                "PAID", invoice(customer, "2053-05-01", "10.00"),
                "DISPUTED", invoice(customer, "2053-05-01", "10.00"),
                "VOIDED", invoice(customer, "2053-05-01", "10.00"),
                "WRITTEN_OFF", invoice(customer, "2053-05-01", "10.00"));
        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "13.00",
                allocations(byStatus.get("PARTIALLY_PAID"), "3.00", byStatus.get("PAID"), "10.00"));
        events.disputeOpened(UUID.randomUUID(), customer, byStatus.get("DISPUTED"), "EUR", "10.00");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reasonCode\": \"DUPLICATE\"}")
                .when().post("/invoices/" + byStatus.get("VOIDED") + "/void").then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reasonCode\": \"SMALL_BALANCE\"}")
                .when().post("/invoices/" + byStatus.get("WRITTEN_OFF") + "/write-off").then().statusCode(200);
        awaitInvoice(byStatus.get("PAID"), r -> r.body("status", equalTo("PAID")));
        awaitInvoice(byStatus.get("DISPUTED"), r -> r.body("status", equalTo("DISPUTED")));

        byStatus.forEach((status, invoice) -> {
            get(invoice).body("status", equalTo(status));
            assertThat(listed(customer, "status", status)).as(status).containsExactly(invoice);
        });
        assertThat(listed(customer, "status", "OVERDUE")).isEmpty();
    }
}
