package io.receivables.invoicing.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class InvoiceIssuingTest {

    @Inject
    InvoicingDatabase db;

    static String registerCustomer(String currency, String termsType, int days) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"legalName": "Customer %s", "currency": "%s", "paymentTerms": {"type": "%s", "days": %d}}"""
                        .formatted(System.nanoTime(), currency, termsType, days))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    static String invoice(String customerId, String issueDate) {
        return """
                {"customerId": "%s", "issueDate": "%s", "poNumber": "PO-77",
                 "lines": [{"description": "Consulting", "quantity": "3", "unitPrice": "33.335", "taxRate": "0.21"},
                           {"description": "Travel", "quantity": "1", "unitPrice": "0.005", "taxRate": "0.21"}]}"""
                .formatted(customerId, issueDate);
    }

    @Test
    void issuesAnInvoiceWithExactTotalsADueDateFromTheTermsAndAGapFreeNumber() throws Exception {
        String customerId = registerCustomer("EUR", "NET", 30);

        String id = given().contentType(ContentType.JSON).body(invoice(customerId, "2026-01-31"))
                .when().post("/invoices")
                .then().statusCode(201)
                .body("number", matchesPattern("INV-2026-\\d{6}"))
                // stored as ISSUED; shown as derived today, and its due date has passed
                .body("status", equalTo("OVERDUE"))
                .body("currency", equalTo("EUR"))
                .body("dueDate", equalTo("2026-03-02"))
                .body("lines[0].netAmount", equalTo("100.01"))
                .body("lines[0].taxAmount", equalTo("21.00"))
                .body("lines[1].netAmount", equalTo("0.01"))
                .body("subtotal", equalTo("100.02"))
                .body("taxTotal", equalTo("21.00"))
                .body("total", equalTo("121.02"))
                .extract().path("id");

        given().when().get("/invoices/" + id).then().statusCode(200)
                .body("lines.size()", equalTo(2)).body("lines[1].description", equalTo("Travel"))
                .body("poNumber", equalTo("PO-77"));

        var row = db.outboxRowFor(id, "invoice-issued");
        assertThat(row.getString("customer_id")).as("Kafka key is the customer id").isEqualTo(customerId);
        assertThat(row.getString("aggregatetype")).isEqualTo("invoice");
        assertThat(row.getString("source")).isEqualTo("/receivables/invoicing-service");
        assertThat(row.getString("specversion")).isEqualTo("1.0");
        assertThat(row.getString("dataschema")).endsWith("/invoice-issued.json");
        assertThat(Instant.parse(row.getString("ce_time"))).isBefore(Instant.now().plusSeconds(1));
        String payload = row.getString("payload");
        assertThat(EventValidator.shared().validate("invoice-issued", payload).isValid()).as(payload).isTrue();
        JsonNode event = EventJson.mapper().readTree(payload);
        assertThat(event.get("total").asText()).isEqualTo("121.02");
        assertThat(event.get("dueDate").asText()).isEqualTo("2026-03-02");
        assertThat(event.get("lines")).hasSize(2);
    }

    @Test
    void takesCurrencyAndTermsFromTheCustomerUnlessTheRequestSaysOtherwise() {
        String customerId = registerCustomer("JPY", "END_OF_MONTH", 30);
        given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "2026-02-10",
                 "lines": [{"description": "Licence", "quantity": "3", "unitPrice": "333.5", "taxRate": "0.10"}]}"""
                .formatted(customerId))
                .when().post("/invoices")
                .then().statusCode(201).body("currency", equalTo("JPY")).body("dueDate", equalTo("2026-03-30"))
                .body("total", equalTo("1101"));

        given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "2026-02-10", "currency": "USD", "dueDate": "2026-02-20",
                 "lines": [{"description": "Licence", "quantity": "1", "unitPrice": "10", "taxRate": "0"}]}"""
                .formatted(customerId))
                .when().post("/invoices")
                .then().statusCode(201).body("currency", equalTo("USD")).body("dueDate", equalTo("2026-02-20"))
                .body("total", equalTo("10.00"));
    }

    @Test
    void keepsInvoiceNumbersGapFreeAndUniqueUnderConcurrentIssuing() throws Exception {
        String customerId = registerCustomer("EUR", "NET", 14);
        int parallel = 24;
        InvoicingDatabase.NumberSeries before = db.series("INV", 2026);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            calls.add(() -> given().contentType(ContentType.JSON).body(invoice(customerId, "2026-06-15"))
                    .when().post("/invoices").then().statusCode(201).extract().path("number"));
        }
        List<String> expected = java.util.stream.IntStream.rangeClosed(1, parallel).mapToObj(before::next).toList();
        assertThat(inParallel(calls)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * Concurrent single issues are committed in groups (IssueGroups): a request rejected inside a group (here an unknown
     * customer, found only when the group locks its customers) gets its own 422 and takes no number; the others in
     * the same transactions are issued with consecutive numbers and their own answers.
     */
    @Test
    void concurrentIssuesAreGroupedYetEachIsAnsweredOnItsOwnAndARejectedOneTakesNoNumber() throws Exception {
        String customerId = registerCustomer("EUR", "NET", 14);
        int parallel = 32;
        InvoicingDatabase.NumberSeries before = db.series("INV", 2026);
        double[] groupsBefore = groupCommitCountAndSum();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            boolean unknown = i % 4 == 3;
            String customer = unknown ? UUID.randomUUID().toString() : customerId;
            calls.add(() -> {
                var response = given().contentType(ContentType.JSON).body(invoice(customer, "2026-06-15"))
                        .when().post("/invoices").then();
                if (unknown) {
                    response.statusCode(422).contentType("application/problem+json")
                            .body("type", equalTo("https://receivables.io/problems/unknown-reference"))
                            .body("errors[0].field", equalTo("customerId"));
                    return "rejected";
                }
                return response.statusCode(201).body("customerId", equalTo(customerId)).extract().path("number");
            });
        }
        List<String> answers = inParallel(calls);

        int issued = parallel - parallel / 4;
        List<String> expected = new ArrayList<>(
                java.util.stream.IntStream.rangeClosed(1, issued).mapToObj(before::next).toList());
        java.util.Collections.nCopies(parallel / 4, "rejected").forEach(expected::add);
        assertThat(answers).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(db.series("INV", 2026).last()).isEqualTo(before.last() + issued);
        double[] groupsAfter = groupCommitCountAndSum();
        assertThat(groupsAfter[1] - groupsBefore[1]).as("requests committed in groups").isEqualTo(parallel);
        assertThat(groupsAfter[0] - groupsBefore[0]).as("groups: fewer than requests, so some were shared")
                .isLessThan(parallel);
    }

    private static List<String> inParallel(List<Callable<String>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> answers = new ArrayList<>();
            for (Future<String> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The group-commit metric of invoice issuing: how many groups, and how many requests in them. */
    private static double[] groupCommitCountAndSum() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return new double[] { metric(metrics, "receivables_group_commit_size_count"),
                metric(metrics, "receivables_group_commit_size_sum") };
    }

    private static double metric(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") && line.contains("group=\"invoice-issue\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    static Stream<Arguments> badRequests() {
        String valid = "\"issueDate\": \"2026-03-01\", \"lines\": [{\"description\": \"Work\", \"quantity\": \"1\", \"unitPrice\": \"10.00\", \"taxRate\": \"0.2\"}]";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"customerId\": ", 400, "malformed-json", null),
                Arguments.of("empty body", "", 400, null, null),
                Arguments.of("billing period without its end",
                        "{\"customerId\": \"%s\", \"billingPeriod\": {\"start\": \"2026-02-01\"}, " + valid + "}",
                        400, "validation", "billingPeriod.end"),
                Arguments.of("unknown field", "{\"customerId\": \"%s\", \"colour\": \"red\", " + valid + "}", 400, "validation",
                        "colour"),
                Arguments.of("negative money",
                        "{\"customerId\": \"%s\", \"issueDate\": \"2026-03-01\", \"lines\": [{\"description\": \"Work\", \"quantity\": \"1\", \"unitPrice\": \"-10.00\", \"taxRate\": \"0.2\"}]}",
                        400, "validation", "lines[0].unitPrice"),
                Arguments.of("float money",
                        "{\"customerId\": \"%s\", \"issueDate\": \"2026-03-01\", \"lines\": [{\"description\": \"Work\", \"quantity\": \"1\", \"unitPrice\": 10.5, \"taxRate\": \"0.2\"}]}",
                        400, "validation", "lines[0].unitPrice"),
                Arguments.of("exponent money",
                        "{\"customerId\": \"%s\", \"issueDate\": \"2026-03-01\", \"lines\": [{\"description\": \"Work\", \"quantity\": \"1\", \"unitPrice\": \"1e3\", \"taxRate\": \"0.2\"}]}",
                        400, "validation", "lines[0].unitPrice"),
                Arguments.of("zero quantity",
                        "{\"customerId\": \"%s\", \"issueDate\": \"2026-03-01\", \"lines\": [{\"description\": \"Work\", \"quantity\": \"0\", \"unitPrice\": \"10.00\", \"taxRate\": \"0.2\"}]}",
                        400, "validation", "lines[0].quantity"),
                Arguments.of("tax rate as percent",
                        "{\"customerId\": \"%s\", \"issueDate\": \"2026-03-01\", \"lines\": [{\"description\": \"Work\", \"quantity\": \"1\", \"unitPrice\": \"10.00\", \"taxRate\": \"20\"}]}",
                        400, "validation", "lines[0].taxRate"),
                Arguments.of("unknown currency", "{\"customerId\": \"%s\", \"currency\": \"XYZ\", " + valid + "}", 400,
                        "validation", "currency"),
                Arguments.of("lower-case currency", "{\"customerId\": \"%s\", \"currency\": \"eur\", " + valid + "}", 400,
                        "validation", "currency"),
                Arguments.of("unknown customer", "{\"customerId\": \"00000000-0000-4000-8000-000000000000\", " + valid + "}",
                        422, "unknown-reference", "customerId"),
                Arguments.of("customer id not a UUID", "{\"customerId\": \"42\", " + valid + "}", 400, "validation",
                        "customerId"),
                Arguments.of("due date before issue date",
                        "{\"customerId\": \"%s\", \"dueDate\": \"2026-02-01\", " + valid + "}", 400, "validation", "dueDate"),
                Arguments.of("impossible date",
                        "{\"customerId\": \"%s\", \"issueDate\": \"2026-13-01\", \"lines\": [{\"description\": \"Work\", \"quantity\": \"1\", \"unitPrice\": \"10.00\", \"taxRate\": \"0.2\"}]}",
                        400, "validation", "issueDate"),
                Arguments.of("no lines", "{\"customerId\": \"%s\", \"issueDate\": \"2026-03-01\", \"lines\": []}", 400,
                        "validation", "lines"),
                Arguments.of("line without description",
                        "{\"customerId\": \"%s\", \"issueDate\": \"2026-03-01\", \"lines\": [{\"quantity\": \"1\", \"unitPrice\": \"10.00\", \"taxRate\": \"0.2\"}]}",
                        400, "validation", "lines[0].description"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void rejectsBadInputWithProblemJsonNamingTheFieldAndWritesNothing(String name, String body, int status,
            String type, String field) {
        String customerId = registerCustomer("EUR", "NET", 30);
        long invoices = db.count("invoice");
        long lines = db.count("invoice_line");
        long outbox = db.count("outbox");
        long series = db.count("invoice_number_series");

        var response = given().contentType(ContentType.JSON).body(body.contains("%s") ? body.formatted(customerId) : body)
                .when().post("/invoices")
                .then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("instance", equalTo("/invoices"));
        if (type != null) {
            response.body("type", equalTo("https://receivables.io/problems/" + type));
        }
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }

        assertThat(db.count("invoice")).isEqualTo(invoices);
        assertThat(db.count("invoice_line")).isEqualTo(lines);
        assertThat(db.count("outbox")).as("no event for a rejected request").isEqualTo(outbox);
        assertThat(db.count("invoice_number_series")).isEqualTo(series);
    }

    @Test
    void explainsThatMoneyIsADecimalStringWhenAClientSendsANumber() {
        String customerId = registerCustomer("EUR", "NET", 30);
        given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "2026-03-01",
                 "lines": [{"description": "Work", "quantity": "1", "unitPrice": 12.5, "taxRate": "0.2"}]}"""
                .formatted(customerId))
                .when().post("/invoices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lines[0].unitPrice"))
                .body("errors[0].message", containsString("must be a JSON string"));
    }

    @Test
    void answersAnUnknownInvoiceWithNotFound() {
        given().when().get("/invoices/00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void documentsItsEndpointsInOpenApi() {
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/invoices'.post.responses.'201'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/invoices'.post.responses.'422'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/customers'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/invoices/{id}'.get", org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.Problem", org.hamcrest.Matchers.notNullValue());
    }
}
