package io.receivables.invoicing.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.receivables.contracts.events.LateFeeAssessed;
import io.receivables.invoicing.InTransaction;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.invoicing.balance.consumer.DunningEventsConsumer;
import io.receivables.invoicing.invoice.service.FeeInvoiceService;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;

/** Under policy REJECT an invoice over the credit limit is refused and leaves nothing behind. */
@QuarkusTest
@TestProfile(CreditLimitRejectTest.RejectPolicy.class)
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class CreditLimitRejectTest {

    public static class RejectPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("receivables.invoicing.credit-limit.policy", "REJECT");
        }
    }

    @Inject
    InvoicingDatabase db;

    @Test
    void refusesTheInvoiceOverTheLimitWithAProblemAndWritesNothing() {
        String customer = CreditLimitTest.customerWithLimit("EUR", "1000.00");
        given().contentType(ContentType.JSON).body(CreditLimitTest.invoice(customer, "1000.00", ""))
                .when().post("/invoices").then().statusCode(201).body("creditCheck.decision", equalTo("WITHIN_LIMIT"));
        long invoices = db.count("invoice");
        long outbox = db.count("outbox");

        given().contentType(ContentType.JSON).body(CreditLimitTest.invoice(customer, "0.01", ""))
                .when().post("/invoices")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/credit-limit-exceeded"))
                .body("errors[0].field", equalTo("customerId"))
                .body("detail", org.hamcrest.Matchers.containsString("1000.01"));

        assertThat(db.count("invoice")).isEqualTo(invoices);
        assertThat(db.count("outbox")).isEqualTo(outbox);
    }

    @Test
    void concurrentInvoicesCannotTogetherSqueezeUnderTheLimit() throws Exception {
        String customer = CreditLimitTest.customerWithLimit("EUR", "1000.00");
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofVirtual().start(() -> statuses.add(given().contentType(ContentType.JSON)
                    .body(CreditLimitTest.invoice(customer, "300.00", "")).when().post("/invoices").statusCode())));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // 3 x 300 fit under 1000; a 4th would not, whatever the interleaving
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
    }

    @Inject
    FeeInvoiceService fees;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    void aLateFeeIsBilledEvenOverTheLimitAndFlagged() {
        String customer = CreditLimitTest.customerWithLimit("EUR", "1000.00");
        JsonPath overdue = given().contentType(ContentType.JSON).body(CreditLimitTest.invoice(customer, "1000.00", ""))
                .when().post("/invoices").then().statusCode(201).extract().jsonPath();
        LateFeeAssessed fee = FeeInvoiceTest.fixedFee(overdue, LocalDate.of(2026, 9, 1));

        InTransaction.run(() -> fees.issueForLateFee(DunningEventsConsumer.ACTOR, fee));

        var row = pool.preparedQuery("SELECT total, credit_limit_exceeded FROM invoice WHERE late_fee_id = $1")
                .execute(Tuple.of(fee.lateFeeId())).await().indefinitely().iterator().next();
        assertThat(row.getBigDecimal("total")).isEqualByComparingTo("40.00");
        assertThat(row.getBoolean("credit_limit_exceeded")).as("issued over the limit, and flagged").isTrue();
    }
}
