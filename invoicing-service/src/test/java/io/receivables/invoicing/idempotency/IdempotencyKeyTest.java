package io.receivables.invoicing.idempotency;

import static io.receivables.invoicing.idempotency.IdempotencyFixtures.customerBody;
import static io.receivables.invoicing.idempotency.IdempotencyFixtures.invoiceBody;
import static io.receivables.invoicing.idempotency.IdempotencyFixtures.post;
import static io.receivables.invoicing.idempotency.IdempotencyFixtures.postInvoice;
import static io.receivables.invoicing.idempotency.IdempotencyFixtures.rawPost;
import static io.receivables.invoicing.idempotency.IdempotencyFixtures.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class IdempotencyKeyTest {

    @Inject
    InvoicingDatabase db;

    @Inject
    IdempotencyFixtures rows;

    @Test
    void aRetriedInvoiceGetsTheFirstResponseAndIsIssuedOnce() {
        String customerId = registerCustomer();
        long invoices = db.count("invoice");
        long outbox = db.count("outbox");
        String key = UUID.randomUUID().toString();
        String body = invoiceBody(customerId, "PO-1");

        var first = postInvoice(key, body);
        var retry = postInvoice(key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body().asString()).isEqualTo(first.body().asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).contains("/invoices/");
        assertThat(retry.contentType()).startsWith("application/json");
        assertThat(retry.<String> path("number")).isEqualTo(first.path("number"));
        assertThat(db.count("invoice")).isEqualTo(invoices + 1);
        assertThat(db.count("outbox")).as("one invoice-issued event").isEqualTo(outbox + 1);
        given().when().get(first.header("Location")).then().statusCode(200).body("id", equalTo(first.path("id")));
    }

    @Test
    void aRetryWithOtherWhitespaceAndFieldOrderIsTheSameRequest() {
        String customerId = registerCustomer();
        String key = UUID.randomUUID().toString();
        var first = postInvoice(key, invoiceBody(customerId, "PO-2"));
        String reordered = """
                {  "lines": [{"taxRate": "0.21", "unitPrice": "33.335", "quantity": "3", "description": "Consulting"}],
                   "poNumber": "PO-2",   "issueDate": "2026-04-01",
                   "customerId": "%s" }""".formatted(customerId);

        var retry = postInvoice(key, reordered);

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body().asString()).isEqualTo(first.body().asString());
        assertThat(rows.invoicesOf(customerId)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRejectedAndWritesNothing() {
        String customerId = registerCustomer();
        String key = UUID.randomUUID().toString();
        var first = postInvoice(key, invoiceBody(customerId, "PO-3"));
        long invoices = db.count("invoice");
        long outbox = db.count("outbox");
        long series = db.count("invoice_number_series");

        post("/invoices", key, invoiceBody(customerId, "PO-3-changed")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/idempotency-key-reused"))
                .body("status", equalTo(422))
                .body("detail", containsString(key))
                .body("instance", equalTo("/invoices"));

        assertThat(db.count("invoice")).isEqualTo(invoices);
        assertThat(db.count("outbox")).isEqualTo(outbox);
        assertThat(db.count("invoice_number_series")).isEqualTo(series);
        assertThat(postInvoice(key, invoiceBody(customerId, "PO-3")).body().asString())
                .as("the original request still replays").isEqualTo(first.body().asString());
    }

    @Test
    void concurrentRequestsWithOneKeyIssueOneInvoiceAndAllGetTheSameResponse() throws Exception {
        String customerId = registerCustomer();
        String key = UUID.randomUUID().toString();
        String body = invoiceBody(customerId, "PO-4");
        int parallel = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                calls.add(() -> {
                    start.await();
                    return postInvoice(key, body);
                });
            }
            List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
            for (var call : calls) {
                futures.add(threads.submit(call));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (var future : futures) {
                var response = future.get(60, TimeUnit.SECONDS);
                answers.add(response.statusCode() + " " + response.header("Location") + " " + response.body().asString());
            }
            assertThat(answers.get(0)).startsWith("201 ");
            assertThat(answers).as("every response identical").containsOnly(answers.get(0));
        } finally {
            threads.shutdownNow();
        }
        assertThat(rows.invoicesOf(customerId)).isEqualTo(1);
        assertThat(rows.invoiceIssuedEventsOf(customerId)).isEqualTo(1);
        assertThat(rows.keyRecords(key)).isEqualTo(1);
    }

    /**
     * A rejection records nothing (like Stripe for validation errors): it rolls back with the key, so a corrected request
     * may reuse the key, and from then on the key replays the accepted request.
     */
    @Test
    void aRejectedRequestDoesNotUseUpItsKey() {
        String customerId = registerCustomer();
        String key = UUID.randomUUID().toString();
        String unknownCustomer = invoiceBody("00000000-0000-4000-8000-000000000000", "PO-5");

        for (int attempt = 0; attempt < 2; attempt++) {
            post("/invoices", key, unknownCustomer).then().statusCode(422)
                    .body("type", equalTo("https://receivables.io/problems/unknown-reference"));
        }
        assertThat(rows.keyRecords(key)).as("no record of a rejection").isZero();

        var corrected = postInvoice(key, invoiceBody(customerId, "PO-5"));
        assertThat(corrected.statusCode()).isEqualTo(201);
        var retry = postInvoice(key, invoiceBody(customerId, "PO-5"));
        assertThat(retry.body().asString()).isEqualTo(corrected.body().asString());
        assertThat(rows.invoicesOf(customerId)).isEqualTo(1);
        post("/invoices", key, unknownCustomer).then().statusCode(422)
                .body("type", equalTo("https://receivables.io/problems/idempotency-key-reused"));
    }

    @ParameterizedTest
    @ValueSource(ints = { 256, 300 })
    void rejectsAKeyTooLongNamingTheHeader(int length) {
        String customerId = registerCustomer();
        post("/invoices", "k".repeat(length), invoiceBody(customerId, "PO-6")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/validation"))
                .body("detail", containsString("Idempotency-Key"))
                .body("errors.field", hasItem("Idempotency-Key"));
        assertThat(rows.invoicesOf(customerId)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "schlüssel", "ключ" })
    void rejectsAnEmptyOrNonAsciiKeyNamingTheHeader(String key) throws Exception {
        String customerId = registerCustomer();
        String response = rawPost("/invoices", key.getBytes(StandardCharsets.UTF_8), invoiceBody(customerId, "PO-6"));
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"type\":\"https://receivables.io/problems/validation\"")
                .contains("\"field\":\"Idempotency-Key\"");
        assertThat(rows.invoicesOf(customerId)).isZero();
    }

    @Test
    void acceptsAKeyOfTheMaximumLength() {
        String key = UUID.randomUUID() + "-" + "k".repeat(255 - 37);
        String customerId = registerCustomer();
        postInvoice(key, invoiceBody(customerId, "PO-7")).response().then().statusCode(201);
        assertThat(rows.keyRecords(key)).isEqualTo(1);
    }

    @Test
    void aRetriedCustomerRegistrationRegistersOnceAndKeysAreScopedPerEndpoint() {
        long customers = db.count("customer");
        String key = UUID.randomUUID().toString();
        String body = customerBody();

        var first = post("/customers", key, body).then().statusCode(201).extract();
        var retry = post("/customers", key, body).then().statusCode(201).extract();

        assertThat(retry.body().asString()).isEqualTo(first.body().asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).as("the version to send in If-Match").isEqualTo("\"0\"")
                .isEqualTo(first.header("ETag"));
        assertThat(db.count("customer")).isEqualTo(customers + 1);
        post("/customers", key, customerBody()).then().statusCode(422)
                .body("type", equalTo("https://receivables.io/problems/idempotency-key-reused"));

        // the same key on another endpoint is another request
        postInvoice(key, invoiceBody(first.path("id"), "PO-8")).response().then().statusCode(201);
    }

    @Test
    void documentsTheHeaderInOpenApi() {
        for (String path : List.of("/invoices", "/customers")) {
            given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                    .body("paths.'" + path + "'.post.parameters.find { it.name == 'Idempotency-Key' }.in",
                            equalTo("header"))
                    .body("paths.'" + path + "'.post.responses.'422'", org.hamcrest.Matchers.notNullValue());
        }
    }
}
