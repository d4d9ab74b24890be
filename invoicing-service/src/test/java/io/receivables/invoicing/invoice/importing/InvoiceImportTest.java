package io.receivables.invoicing.invoice.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** POST /invoices/import: each historical invoice accepted or rejected on its own, with its original number. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class InvoiceImportTest {

    static final String HEADER = "externalNumber,customerId,issueDate,dueDate,currency,poNumber,description,quantity,"
            + "unitPrice,taxRate\n";

    @Inject
    InvoicingDatabase db;

    @Inject
    Pool pool;

    static String customer(String creditLimit) {
        String limit = creditLimit == null ? "" : ", \"creditLimit\": \"" + creditLimit + "\"";
        return given().contentType(ContentType.JSON)
                .body("""
                        {"legalName": "Importer %d", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30}%s}"""
                        .formatted(System.nanoTime(), limit))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    static Response importCsv(String csv) {
        return given().contentType("text/csv").body(csv).when().post("/invoices/import");
    }

    static Response importNdjson(String ndjson) {
        return given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/invoices/import");
    }

    @Test
    void acceptsTheGoodInvoicesOfACsvAndReportsEveryBadOneWithItsField() {
        String customer = customer(null);
        String run = "ERP-" + System.nanoTime() + "-";
        importCsv(HEADER + run + "7," + customer + ",2019-04-07,,,,Earlier import,1,10.00,0\n").then().statusCode(200)
                .body("accepted", equalTo(1));
        long invoices = db.count("invoice");
        long outbox = db.count("outbox");
        InvoicingDatabase.NumberSeries inv = db.series("INV", 2069);
        String csv = HEADER
                + run + "1," + customer + ",2019-03-01,2019-03-31,EUR,PO-1,\"Consulting, March\",10,120.00,0.19\n"
                + run + "1,,,,,,Travel,1,80.00,0.19\n"
                + run + "2," + customer + ",2019-04-01,,EUX,,Licence,1,50.00,0.19\n"
                + run + "3," + UUID.randomUUID() + ",2019-04-02,,,,Licence,1,50.00,0.19\n"
                + run + "4," + customer + ",2019-13-45,,,,Licence,1,50.00,0.19\n"
                + run + "5," + customer + ",2019-04-05,,,,Licence,1,\"12,50\",0.19\n"
                + run + "6," + customer + ",2069-05-01,,,,Licence,1,50.00,0.19\n"
                + run + "7," + customer + ",2019-04-07,,,,Licence,1,50.00,0.19\n";

        Response report = importCsv(csv);

        report.then().statusCode(200).body("accepted", equalTo(2)).body("rejected", equalTo(5));
        List<Map<String, Object>> rows = report.path("rows");
        assertThat(rows).extracting(r -> r.get("line") + " " + r.get("externalNumber") + " " + r.get("status") + " "
                + r.get("reason")).containsExactly(
                        "2 " + run + "1 ACCEPTED null",
                        "4 " + run + "2 REJECTED invalid",
                        "5 " + run + "3 REJECTED unknown-reference",
                        "6 " + run + "4 REJECTED invalid",
                        "7 " + run + "5 REJECTED invalid",
                        "8 " + run + "6 ACCEPTED null",
                        "9 " + run + "7 REJECTED duplicate-number");
        assertThat(fields(rows.get(1))).containsExactly("currency");
        assertThat(fields(rows.get(2))).containsExactly("customerId");
        assertThat(fields(rows.get(3))).containsExactly("issueDate");
        assertThat(fields(rows.get(4))).containsExactly("lines[0].unitPrice");
        assertThat(fields(rows.get(6))).containsExactly("externalNumber");

        assertThat(db.count("invoice")).isEqualTo(invoices + 2);
        assertThat(db.count("outbox")).isEqualTo(outbox + 2);
        String consulting = (String) rows.get(0).get("invoiceId");
        given().when().get("/invoices/" + consulting).then().statusCode(200)
                .body("number", equalTo(run + "1"))
                .body("issueDate", equalTo("2019-03-01"))
                .body("dueDate", equalTo("2019-03-31"))
                .body("poNumber", equalTo("PO-1"))
                .body("lines.description", equalTo(List.of("Consulting, March", "Travel")))
                .body("total", equalTo("1523.20"));
        db.outboxRowFor(consulting, "invoice-issued");
        db.outboxRowFor((String) rows.get(5).get("invoiceId"), "invoice-issued");
        // historical numbers do not use the gap-free series: the next invoice issued here in 2069 takes its next number
        given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "2069-06-01",
                 "lines": [{"description": "New", "quantity": "1", "unitPrice": "1.00", "taxRate": "0"}]}"""
                .formatted(customer)).when().post("/invoices").then().statusCode(201)
                .body("number", equalTo(inv.next(1)));

        // importing the same file again writes nothing: what was accepted is now a duplicate
        Response again = importCsv(csv);
        again.then().statusCode(200).body("accepted", equalTo(0)).body("rejected", equalTo(7));
        List<Map<String, Object>> repeated = again.path("rows");
        assertThat(repeated.get(0).get("reason")).isEqualTo("duplicate-number");
        assertThat(repeated.get(5).get("reason")).isEqualTo("duplicate-number");
        assertThat(db.count("invoice")).isEqualTo(invoices + 3);
    }

    @Test
    void acceptsTheGoodInvoicesOfNdjsonAndReportsEveryBadLine() {
        String customer = customer(null);
        String run = "ND-" + System.nanoTime() + "-";
        long invoices = db.count("invoice");
        long outbox = db.count("outbox");
        String ndjson = String.join("\n",
                line(run + "1", customer, "2020-01-15", "EUR", "\"100.00\""),
                line(run + "2", customer, "2020-01-16", "EUX", "\"100.00\""),
                line(run + "3", UUID.randomUUID().toString(), "2020-01-17", "EUR", "\"100.00\""),
                line(run + "4", customer, "2020-02-30", "EUR", "\"100.00\""),
                line(run + "5", customer, "2020-01-19", "EUR", "100.00"),
                line(run + "1", customer, "2020-01-20", "EUR", "\"100.00\""),
                "{not json",
                line(run + "6", customer, "2020-01-21", "EUR", "\"7.50\""));

        Response report = importNdjson(ndjson);

        report.then().statusCode(200).body("accepted", equalTo(2)).body("rejected", equalTo(6));
        List<Map<String, Object>> rows = report.path("rows");
        assertThat(rows).extracting(r -> r.get("line") + " " + r.get("status") + " " + r.get("reason"))
                .containsExactly("1 ACCEPTED null", "2 REJECTED invalid", "3 REJECTED unknown-reference",
                        "4 REJECTED invalid", "5 REJECTED invalid", "6 REJECTED duplicate-number", "7 REJECTED invalid",
                        "8 ACCEPTED null");
        assertThat(fields(rows.get(1))).containsExactly("currency");
        assertThat(fields(rows.get(2))).containsExactly("customerId");
        assertThat(fields(rows.get(3))).containsExactly("issueDate");
        assertThat(fields(rows.get(4))).containsExactly("lines[0].unitPrice");
        assertThat(fields(rows.get(5))).containsExactly("externalNumber");
        assertThat(db.count("invoice")).isEqualTo(invoices + 2);
        assertThat(db.count("outbox")).isEqualTo(outbox + 2);
        given().when().get("/invoices/" + rows.get(0).get("invoiceId")).then()
                .body("number", equalTo(run + "1")).body("issueDate", equalTo("2020-01-15"))
                .body("dueDate", equalTo("2020-02-14"));

        importNdjson(ndjson).then().statusCode(200).body("accepted", equalTo(0));
        assertThat(db.count("invoice")).isEqualTo(invoices + 2);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstReportBack() {
        String customer = customer(null);
        String csv = HEADER + "KEY-" + System.nanoTime() + "," + customer + ",2021-05-01,,,,Once,1,1.00,0\n";
        String key = UUID.randomUUID().toString();
        String first = given().contentType("text/csv").header("Idempotency-Key", key).body(csv)
                .when().post("/invoices/import").then().statusCode(200).body("accepted", equalTo(1))
                .extract().path("rows[0].invoiceId");
        given().contentType("text/csv").header("Idempotency-Key", key).body(csv)
                .when().post("/invoices/import").then().statusCode(200).body("accepted", equalTo(1))
                .body("rows[0].invoiceId", equalTo(first));
    }

    @Test
    void aHeaderThatIsNotUnderstoodIsRefusedNamingTheColumn() {
        long invoices = db.count("invoice");
        importCsv("externalNumber,customerId,issueDat,description,quantity,unitPrice,taxRate,colour\n"
                + "X-1," + UUID.randomUUID() + ",2019-01-01,A,1,1,0,red\n")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/validation"))
                .body("errors.field", hasItems("issueDat", "colour", "issueDate"));
        assertThat(db.count("invoice")).isEqualTo(invoices);
    }

    @Test
    void moreThanTenThousandRowsAreRefusedAsAWhole() {
        long invoices = db.count("invoice");
        StringBuilder csv = new StringBuilder(HEADER);
        String customer = UUID.randomUUID().toString();
        for (int i = 0; i <= 10_000; i++) {
            csv.append("BIG-").append(i).append(',').append(customer).append(",2019-01-01,,,,A,1,1,0\n");
        }
        importCsv(csv.toString()).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/payload-too-large"));
        assertThat(db.count("invoice")).isEqualTo(invoices);
    }

    @Test
    void theCreditLimitIsNotCheckedForHistoryButTheHistoryCountsAsOpenAr() {
        String customer = customer("100.00");
        String imported = importCsv(HEADER + "CL-" + System.nanoTime() + "," + customer + ",2018-01-01,,,,Old,1,1000.00,0\n")
                .then().statusCode(200).body("accepted", equalTo(1)).extract().path("rows[0].invoiceId");

        assertThat(pool.preparedQuery("SELECT credit_limit_exceeded FROM invoice WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(imported))).await().indefinitely().iterator().next().getBoolean(0))
                .as("not checked, so not flagged").isFalse();
        given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "2018-02-01",
                 "lines": [{"description": "New", "quantity": "1", "unitPrice": "1.00", "taxRate": "0"}]}"""
                .formatted(customer)).when().post("/invoices").then().statusCode(201)
                .body("creditCheck.decision", equalTo("ALLOWED_OVER_LIMIT"))
                .body("creditCheck.openBefore", equalTo("1000.00"));
    }

    @Test
    void anNdjsonLineKeepsItsVatExemptionAndReverseChargeNeedsTheCustomersVatId() throws Exception {
        String withVatId = given().contentType(ContentType.JSON).body("""
                {"legalName": "Reverse charged %d", "currency": "EUR", "taxId": "DE811569869",
                 "paymentTerms": {"type": "NET", "days": 30}}""".formatted(System.nanoTime()))
                .when().post("/customers").then().statusCode(201).extract().<String> path("id");
        String run = "EXM-" + System.nanoTime() + "-";
        String exempt = """
                {"externalNumber": "%s1", "customerId": "%s", "issueDate": "2019-05-02", "lines": [\
                {"description": "Licence", "quantity": "1", "unitPrice": "100.00", "taxRate": "0.19"},\
                {"description": "Training course", "quantity": "3", "unitPrice": "80.00", "taxRate": "0", "vatExemption":\
                 {"category": "E", "reasonCode": "VATEX-EU-132", "reason": "Exempt under Article 132"}}]}
                """.formatted(run, withVatId);
        String reverse = """
                {"externalNumber": "%s2", "customerId": "%s", "issueDate": "2019-05-03", "lines": [\
                {"description": "Construction work", "quantity": "10", "unitPrice": "65.00", "taxRate": "0",\
                 "vatExemption": {"category": "AE"}}]}
                """;
        String withoutVatId = customer(null);

        Response report = importNdjson(exempt + reverse.formatted(run, withVatId) + reverse.formatted(run + "x", withoutVatId));

        report.then().statusCode(200).body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("rows[2].status", equalTo("REJECTED"))
                .body("rows[2].errors.field", equalTo(List.of("taxId")));
        String exemptId = report.path("rows[0].invoiceId");
        given().when().get("/invoices/" + exemptId).then().statusCode(200)
                .body("number", equalTo(run + "1"))
                .body("lines[0].vatExemption", org.hamcrest.Matchers.nullValue())
                .body("lines[1].vatExemption.category", equalTo("E"))
                .body("lines[1].vatExemption.reasonCode", equalTo("VATEX-EU-132"))
                .body("lines[1].vatExemption.reason", equalTo("Exempt under Article 132"));
        var event = io.receivables.contracts.json.EventJson.mapper()
                .readTree(db.outboxRowFor(exemptId, "invoice-issued").getString("payload"));
        assertThat(event.at("/lines/1/vatExemption/category").asText()).isEqualTo("E");
        given().when().get("/invoices/" + report.path("rows[1].invoiceId")).then().statusCode(200)
                .body("lines[0].vatExemption.category", equalTo("AE"))
                .body("lines[0].vatExemption.reason", equalTo("Reverse charge"));
    }

    @Test
    void documentsTheImportInOpenApi() {
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/invoices/import'.post.requestBody.content.keySet()",
                        hasItems("text/csv", "application/x-ndjson"))
                .body("paths.'/invoices/import'.post.responses.keySet()", hasItems("200", "400", "413", "422"))
                .body("paths.'/invoices/import'.post.parameters.find { it.name == 'Idempotency-Key' }.in",
                        equalTo("header"));
    }

    private static String line(String number, String customer, String issueDate, String currency, String price) {
        return """
                {"externalNumber": "%s", "customerId": "%s", "issueDate": "%s", "currency": "%s", \
                "lines": [{"description": "Service", "quantity": "1", "unitPrice": %s, "taxRate": "0.2"}]}"""
                .formatted(number, customer, issueDate, currency, price).replace("\n", "");
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> row) {
        return ((List<Map<String, String>>) row.get("errors")).stream().map(e -> e.get("field")).toList();
    }
}
