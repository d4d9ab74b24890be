package io.receivables.invoicing.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /invoices/batch: many invoices in one request, all or nothing, numbers consecutive and gap-free. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class InvoiceBatchTest {

    @Inject
    InvoicingDatabase db;

    static String item(String customerId, String issueDate, String price) {
        return """
                {"customerId": "%s", "issueDate": "%s",
                 "lines": [{"description": "Batch line", "quantity": "2", "unitPrice": "%s", "taxRate": "0.2"}]}"""
                .formatted(customerId, issueDate, price);
    }

    static Response postBatch(List<String> items) {
        return given().contentType(ContentType.JSON).body("{\"invoices\": [" + String.join(",", items) + "]}")
                .when().post("/invoices/batch");
    }

    static long numberOf(String invoiceNumber) {
        return Long.parseLong(invoiceNumber.substring(invoiceNumber.lastIndexOf('-') + 1));
    }

    @Test
    void issuesEveryInvoiceInRequestOrderWithConsecutiveNumbersAndOneEventEach() {
        String a = InvoiceIssuingTest.registerCustomer("EUR", "NET", 30);
        String b = InvoiceIssuingTest.registerCustomer("USD", "NET", 14);
        long outbox = db.count("outbox");

        Response response = postBatch(List.of(item(a, "2035-03-01", "10.00"), item(b, "2035-03-02", "20.00"),
                item(a, "2035-03-03", "30.00")));
        response.then().statusCode(201)
                .body("invoices.size()", equalTo(3))
                .body("invoices[0].customerId", equalTo(a))
                .body("invoices[1].currency", equalTo("USD"))
                .body("invoices[1].dueDate", equalTo("2035-03-16"))
                .body("invoices[2].total", equalTo("72.00"));
        List<String> numbers = response.path("invoices.number");
        assertThat(numbers).allMatch(n -> n.startsWith("INV-2035-"));
        assertThat(numberOf(numbers.get(1))).isEqualTo(numberOf(numbers.get(0)) + 1);
        assertThat(numberOf(numbers.get(2))).isEqualTo(numberOf(numbers.get(0)) + 2);
        assertThat(db.count("outbox")).isEqualTo(outbox + 3);
        for (String id : response.<List<String>> path("invoices.id")) {
            db.outboxRowFor(id, "invoice-issued");
        }
    }

    @Test
    void rejectsTheWholeBatchNamingTheBadInvoiceAndWritesNothing() {
        String a = InvoiceIssuingTest.registerCustomer("EUR", "NET", 30);
        long invoices = db.count("invoice");
        long outbox = db.count("outbox");
        InvoicingDatabase.NumberSeries inv = db.series("INV", 2026);

        postBatch(List.of(item(a, "2026-01-01", "10.00"), item(a, "2026-01-02", "-5.00")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("invoices[1].lines[0].unitPrice"));
        postBatch(List.of(item(a, "2026-01-01", "10.00"), item(a, "2026-01-02", "1.00"),
                item("00000000-0000-4000-8000-000000000000", "2026-01-03", "1.00")))
                .then().statusCode(422)
                .body("type", equalTo("https://receivables.io/problems/unknown-reference"))
                .body("errors[0].field", equalTo("invoices[2].customerId"));
        postBatch(List.of(item(a, "2026-01-01", "1.00").replace("\"lines\": [", "\"lines\": [], \"x\": [")))
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"invoices\": []}").when().post("/invoices/batch")
                .then().statusCode(400).body("errors[0].field", equalTo("invoices"));

        assertThat(db.count("invoice")).isEqualTo(invoices);
        assertThat(db.count("outbox")).isEqualTo(outbox);
        // the rolled-back batches gave their numbers back: the next invoice of 2026 takes the next number
        given().contentType(ContentType.JSON).body(item(a, "2026-02-01", "1.00")).when().post("/invoices")
                .then().statusCode(201).body("number", equalTo(inv.next(1)));
    }

    @Test
    void batchesAndSingleInvoicesIssuedConcurrentlyKeepTheNumbersGapFree() throws Exception {
        List<String> customers = IntStream.range(0, 3)
                .mapToObj(i -> InvoiceIssuingTest.registerCustomer("EUR", "NET", 30)).toList();
        List<String> numbers = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            int client = c;
            clients.add(Thread.ofVirtual().start(() -> {
                if (client % 2 == 0) {
                    // customers in different orders: lock ordering must keep concurrent batches from deadlocking
                    List<String> items = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        items.add(item(customers.get((client + i) % 3), "2033-05-01", "1.00"));
                    }
                    Response response = postBatch(items);
                    response.then().statusCode(201);
                    numbers.addAll(response.path("invoices.number"));
                } else {
                    for (int i = 0; i < 5; i++) {
                        numbers.add(given().contentType(ContentType.JSON)
                                .body(item(customers.get(i % 3), "2033-05-01", "1.00")).when().post("/invoices")
                                .then().statusCode(201).extract().path("number"));
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        assertThat(numbers).hasSize(30).doesNotHaveDuplicates();
        assertThat(numbers.stream().map(InvoiceBatchTest::numberOf).collect(Collectors.toSet()))
                .isEqualTo(numbersFrom(1, 30));
    }

    private static java.util.Set<Long> numbersFrom(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }
}
