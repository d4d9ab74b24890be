package io.receivables.invoicing.balance;

import static io.receivables.invoicing.balance.BalanceEvents.allocations;
import static io.receivables.invoicing.balance.BalanceEvents.awaitInvoice;
import static io.receivables.invoicing.balance.BalanceEvents.customer;
import static io.receivables.invoicing.balance.BalanceEvents.get;
import static io.receivables.invoicing.balance.BalanceEvents.invoice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The credit check reads a customer's open amount from one row that a trigger keeps (invoicing-017) instead of summing
 * the customer's open invoices. That row must equal the sum after every kind of change an invoice goes through:
 * issuing, payments and their reversal applied from events, a credit note, a void, a write-off.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class CustomerOpenAmountTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

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
    void theOpenAmountFollowsEveryChangeOfAnInvoiceAndTheCreditCheckReadsIt() {
        String customer = customer("EUR");
        String paid = invoice(customer, "2051-05-01", "100.00");
        String partlyPaid = invoice(customer, "2051-05-02", "200.00");
        String credited = invoice(customer, "2051-05-03", "50.00");
        String voided = invoice(customer, "2051-05-04", "30.00");
        String writtenOff = invoice(customer, "2051-05-05", "20.00");
        assertOpen(customer, "400.00");

        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "100.00", allocations(paid, "100.00"));
        UUID reversed = UUID.randomUUID();
        events.paymentReceived(reversed, customer, "EUR", "80.00", allocations(partlyPaid, "80.00"));
        awaitInvoice(paid, r -> r.body("status", equalTo("PAID")));
        awaitInvoice(partlyPaid, r -> r.body("amountDue", equalTo("120.00")));
        assertOpen(customer, "220.00");

        events.paymentReversed(reversed, customer, "EUR", "80.00", allocations(partlyPaid, "80.00"));
        awaitInvoice(partlyPaid, r -> r.body("amountDue", equalTo("200.00")));
        assertOpen(customer, "300.00");

        given().contentType(ContentType.JSON).header("If-Match", get(credited).extract().header("ETag")).body("""
                {"reasonCode": "PRICING_ERROR", "issueDate": "2051-05-10",
                 "lines": [{"description": "Price agreed", "quantity": "1", "unitPrice": "15.00", "taxRate": "0"}]}""")
                .when().post("/invoices/" + credited + "/credit-notes").then().statusCode(201);
        assertOpen(customer, "285.00");

        given().contentType(ContentType.JSON).header("If-Match", get(voided).extract().header("ETag"))
                .body("{\"reasonCode\": \"DUPLICATE\"}").when().post("/invoices/" + voided + "/void")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", get(writtenOff).extract().header("ETag"))
                .body("{\"reasonCode\": \"UNCOLLECTIBLE\"}").when().post("/invoices/" + writtenOff + "/write-off")
                .then().statusCode(200);
        assertOpen(customer, "235.00");

        // the credit check of the next invoice starts from that row
        given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "2051-05-06",
                 "lines": [{"description": "Service", "quantity": "1", "unitPrice": "5.00", "taxRate": "0"}]}"""
                .formatted(customer)).when().post("/invoices").then().statusCode(201)
                .body("creditCheck.openBefore", equalTo("235.00"));
        assertOpen(customer, "240.00");
    }

    @Test
    void noCustomerOfThisDatabaseHasAnOpenAmountOtherThanTheSumOfItsOpenInvoices() {
        // every test of this module that ran before in this database left customers behind: all must agree
        theOpenAmountFollowsEveryChangeOfAnInvoiceAndTheCreditCheckReadsIt();
        List<String> disagreeing = new ArrayList<>();
        for (Row row : pool.query("""
                SELECT coalesce(o.customer_id, s.customer_id) AS customer_id, coalesce(o.currency, s.currency) AS currency,
                       coalesce(o.open_amount, 0) AS kept, coalesce(s.open, 0) AS summed
                  FROM customer_open_amount o
                  FULL JOIN (SELECT customer_id, currency, sum(amount_due) AS open FROM invoice
                              WHERE status = 'ISSUED' GROUP BY customer_id, currency) s
                    ON s.customer_id = o.customer_id AND s.currency = o.currency
                 WHERE coalesce(o.open_amount, 0) <> coalesce(s.open, 0)""").execute().await().indefinitely()) {
            disagreeing.add(row.getUUID("customer_id") + " " + row.getString("currency") + ": kept "
                    + row.getBigDecimal("kept") + ", summed " + row.getBigDecimal("summed"));
        }
        assertThat(disagreeing).isEmpty();
    }

    private void assertOpen(String customer, String expected) {
        Row row = pool.preparedQuery("""
                SELECT (SELECT open_amount FROM customer_open_amount WHERE customer_id = $1 AND currency = 'EUR') AS kept,
                       (SELECT coalesce(sum(amount_due), 0) FROM invoice
                         WHERE customer_id = $1 AND currency = 'EUR' AND status = 'ISSUED') AS summed""")
                .execute(Tuple.of(UUID.fromString(customer))).await().indefinitely().iterator().next();
        assertThat(row.getBigDecimal("summed")).as("the sum over the open invoices")
                .isEqualByComparingTo(new BigDecimal(expected));
        assertThat(row.getBigDecimal("kept")).as("the row the credit check reads")
                .isEqualByComparingTo(new BigDecimal(expected));
    }
}
