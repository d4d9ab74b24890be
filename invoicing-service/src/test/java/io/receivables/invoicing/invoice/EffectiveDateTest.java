package io.receivables.invoicing.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.contracts.Topics;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.invoicing.MutableClock;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Voids and write-offs entered later than they happened: dated by effectiveDate within its window, stored on the
 * invoice, carried by the events, and read by statements as of a date. Dates are relative to the injected clock, and
 * each test has customers of its own, so no test depends on the calendar or on another.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class EffectiveDateTest {

    @Inject
    InvoicingDatabase db;

    @Inject
    Pool pool;

    @Inject
    MutableClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String customer() {
        return InvoiceIssuingTest.registerCustomer("EUR", "NET", 30);
    }

    /** An untaxed invoice of {@code amount}. */
    private static String invoice(String customer, LocalDate issueDate, String amount) {
        return given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "%s",
                 "lines": [{"description": "Service", "quantity": "1", "unitPrice": "%s", "taxRate": "0"}]}"""
                .formatted(customer, issueDate, amount))
                .when().post("/invoices").then().statusCode(201).extract().path("id");
    }

    private static Response post(String id, String action, String ifMatch, String body) {
        return given().contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .when().post("/invoices/" + id + "/" + action);
    }

    private static JsonPath statement(String customer, LocalDate asOf) {
        return given().queryParam("asOf", asOf.toString()).when().get("/customers/" + customer + "/statement").then()
                .statusCode(200).extract().jsonPath();
    }

    private long closingEvents(String id) {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE aggregateid = $1 AND type IN"
                + " ('invoice-voided', 'invoice-written-off')")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0);
    }

    private JsonNode event(String id, String type) throws Exception {
        String payload = db.outboxRowFor(id, type).getString("payload");
        assertThat(EventValidator.shared().validate(type, payload).isValid()).as(payload).isTrue();
        return EventJson.mapper().readTree(payload);
    }

    @Test
    void aVoidDatedInThePastClosesTheInvoiceFromThatDateInStatementsAndTheEvent() throws Exception {
        String customer = customer();
        LocalDate issued = today().minusDays(40);
        LocalDate voidDate = today().minusDays(10);
        String voided = invoice(customer, issued, "100.00");
        String stays = invoice(customer, issued, "30.00");

        post(voided, "void", "\"0\"", """
                {"reasonCode": "ISSUED_IN_ERROR", "effectiveDate": "%s"}""".formatted(voidDate))
                .then().statusCode(200).body("status", equalTo("VOIDED")).body("voidDate", equalTo(voidDate.toString()));

        JsonPath before = statement(customer, voidDate.minusDays(1));
        assertThat(before.getList("openItems.openAmount")).containsExactly("100.00", "30.00");
        assertThat(before.getString("balance")).isEqualTo("130.00");
        JsonPath on = statement(customer, voidDate);
        assertThat(on.getList("openItems.openAmount")).containsExactly("30.00");
        assertThat(on.getString("balance")).isEqualTo("30.00");

        JsonNode event = event(voided, "invoice-voided");
        assertThat(event.get("effectiveDate").asText()).isEqualTo(voidDate.toString());
        assertThat(event.get("total").asText()).isEqualTo("100.00");
        assertThat(stays).isNotNull();
    }

    @Test
    void aWriteOffDatedInThePastClosesTheRestFromThatDate() throws Exception {
        String customer = customer();
        LocalDate issued = today().minusDays(90);
        LocalDate credited = today().minusDays(60);
        LocalDate writeOff = today().minusDays(30);
        String id = invoice(customer, issued, "200.00");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"reasonCode": "GOODWILL", "issueDate": "%s",
                 "lines": [{"description": "Goodwill", "quantity": "1", "unitPrice": "50.00", "taxRate": "0"}]}"""
                .formatted(credited)).when().post("/invoices/" + id + "/credit-notes").then().statusCode(201);

        post(id, "write-off", "\"1\"", """
                {"reasonCode": "UNCOLLECTIBLE", "effectiveDate": "%s"}""".formatted(writeOff))
                .then().statusCode(200).body("status", equalTo("WRITTEN_OFF"))
                .body("writeOffDate", equalTo(writeOff.toString()));

        assertThat(statement(customer, credited.minusDays(1)).getList("openItems.openAmount"))
                .containsExactly("200.00");
        assertThat(statement(customer, writeOff.minusDays(1)).getList("openItems.openAmount"))
                .as("the credit note counts from its issue date").containsExactly("150.00");
        assertThat(statement(customer, writeOff).getList("openItems")).isEmpty();
        assertThat(statement(customer, writeOff).getString("balance")).isEqualTo("0.00");

        JsonNode event = event(id, "invoice-written-off");
        assertThat(event.get("writeOffDate").asText()).isEqualTo(writeOff.toString());
        assertThat(event.get("amount").asText()).isEqualTo("150.00");

        // a credit note dated before the write-off would change what the write-off took on its date
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("""
                {"reasonCode": "GOODWILL", "issueDate": "%s",
                 "lines": [{"description": "Goodwill", "quantity": "1", "unitPrice": "10.00", "taxRate": "0"}]}"""
                .formatted(writeOff.minusDays(1))).when().post("/invoices/" + id + "/credit-notes").then()
                .statusCode(400).body("errors[0].field", equalTo("issueDate"))
                .body("errors[0].message", equalTo("must not be before " + writeOff
                        + ", the date the invoice was written off"));
        assertThat(statement(customer, writeOff.minusDays(1)).getList("openItems.openAmount"))
                .containsExactly("150.00");
    }

    @Test
    void anEffectiveDateBeforeTheIssueDateOrInTheFutureIs400NamingItAndWritesNothing() {
        String customer = customer();
        LocalDate issued = today().minusDays(20);
        String id = invoice(customer, issued, "80.00");
        for (String action : List.of("void", "write-off")) {
            String reason = action.equals("void") ? "DUPLICATE" : "UNCOLLECTIBLE";
            post(id, action, "\"0\"", """
                    {"reasonCode": "%s", "effectiveDate": "%s"}""".formatted(reason, issued.minusDays(1)))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://receivables.io/problems/validation"))
                    .body("errors[0].field", equalTo("effectiveDate"))
                    .body("errors[0].message", equalTo("must not be before the invoice's issue date " + issued));
            post(id, action, "\"0\"", """
                    {"reasonCode": "%s", "effectiveDate": "%s"}""".formatted(reason, today().plusDays(1)))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("effectiveDate"))
                    .body("errors[0].message", equalTo("must not be in the future (today is " + today() + ", UTC)"));
        }
        // the earlier name of the write-off's date may not contradict the new one
        post(id, "write-off", "\"0\"", """
                {"reasonCode": "UNCOLLECTIBLE", "effectiveDate": "%s", "writeOffDate": "%s"}"""
                .formatted(today(), today().minusDays(1)))
                .then().statusCode(400).body("errors[0].field", equalTo("effectiveDate"));

        given().when().get("/invoices/" + id).then().header("ETag", equalTo("\"0\"")).body("amountDue", equalTo("80.00"))
                .body("voidDate", equalTo(null)).body("writeOffDate", equalTo(null));
        assertThat(closingEvents(id)).isZero();
        assertThat(statement(customer, today()).getList("openItems.openAmount")).containsExactly("80.00");
    }

    @Test
    void anEffectiveDateBeforeTheLastPaymentIs400AndWritesNothing() {
        String customer = customer();
        LocalDate issued = today().minusDays(50);
        LocalDate paid = today().minusDays(15);
        String id = invoice(customer, issued, "100.00");
        try (CloudEventProducer producer = new CloudEventProducer(bootstrap)) {
            UUID payment = UUID.randomUUID();
            producer.send(Topics.PAYMENTS, customer,
                    CloudEventProducer.headers(UUID.randomUUID(), "payment-received", payment.toString()), """
                            {"paymentId": "%s", "customerId": "%s", "currency": "EUR", "amount": "40.00",
                             "valueDate": "%s", "method": "BANK_TRANSFER",
                             "allocations": [{"invoiceId": "%s", "amount": "40.00"}], "unallocatedAmount": "0",
                             "receivedAt": "%sT08:00:00Z"}""".formatted(payment, customer, paid, id, paid));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> given()
                .when().get("/invoices/" + id).then().body("amountPaid", equalTo("40.00")));
        String etag = given().when().get("/invoices/" + id).then().extract().header("ETag");

        post(id, "write-off", etag, """
                {"reasonCode": "UNCOLLECTIBLE", "effectiveDate": "%s"}""".formatted(paid.minusDays(1)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("effectiveDate"))
                .body("errors[0].message", equalTo("must not be before " + paid
                        + ", the date of the last payment or credit applied to the invoice"));
        given().when().get("/invoices/" + id).then().header("ETag", equalTo(etag)).body("amountDue", equalTo("60.00"));
        assertThat(closingEvents(id)).isZero();

        post(id, "write-off", etag, """
                {"reasonCode": "UNCOLLECTIBLE", "effectiveDate": "%s"}""".formatted(paid))
                .then().statusCode(200).body("writeOffDate", equalTo(paid.toString()));
        assertThat(statement(customer, paid.minusDays(1)).getList("openItems.openAmount")).containsExactly("100.00");
        assertThat(statement(customer, paid).getList("openItems")).isEmpty();
    }

    @Test
    void withoutADateTheVoidIsDatedTodayByTheInjectedClock() throws Exception {
        String customer = customer();
        String id = invoice(customer, today().minusDays(5), "10.00");
        clock.advance(Duration.ofDays(3));

        post(id, "void", "\"0\"", """
                {"reasonCode": "OTHER"}""").then().statusCode(200).body("voidDate", equalTo(today().toString()));

        assertThat(event(id, "invoice-voided").get("effectiveDate").asText()).isEqualTo(today().toString());
        assertThat(statement(customer, today().minusDays(1)).getList("openItems.openAmount")).containsExactly("10.00");
        assertThat(statement(customer, today()).getList("openItems")).isEmpty();
    }

    @Test
    void anImportedInvoiceMayBringItsVoidOrWriteOffWithItsDate() throws Exception {
        String customer = customer();
        LocalDate issued = today().minusDays(100);
        LocalDate voidDate = today().minusDays(70);
        LocalDate writeOff = today().minusDays(40);
        String prefix = "ED-" + System.nanoTime();
        String ndjson = """
                {"externalNumber": "%1$s-1", "customerId": "%2$s", "issueDate": "%3$s", "lines": [{"description": "A", "quantity": "1", "unitPrice": "70.00", "taxRate": "0"}], "voided": {"reasonCode": "DUPLICATE", "effectiveDate": "%4$s", "note": "ERP void"}}
                {"externalNumber": "%1$s-2", "customerId": "%2$s", "issueDate": "%3$s", "lines": [{"description": "B", "quantity": "1", "unitPrice": "20.00", "taxRate": "0"}], "writtenOff": {"reasonCode": "TIME_BARRED", "effectiveDate": "%5$s"}}
                {"externalNumber": "%1$s-3", "customerId": "%2$s", "issueDate": "%3$s", "lines": [{"description": "C", "quantity": "1", "unitPrice": "5.00", "taxRate": "0"}], "voided": {"reasonCode": "DUPLICATE", "effectiveDate": "%6$s"}}
                {"externalNumber": "%1$s-4", "customerId": "%2$s", "issueDate": "%3$s", "lines": [{"description": "D", "quantity": "1", "unitPrice": "5.00", "taxRate": "0"}], "voided": {"reasonCode": "DUPLICATE", "effectiveDate": "%4$s"}, "writtenOff": {"reasonCode": "TIME_BARRED", "effectiveDate": "%5$s"}}
                """
                .formatted(prefix, customer, issued, voidDate, writeOff, issued.minusDays(1));
        JsonPath report = given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8)).when()
                .post("/invoices/import")
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getInt("accepted")).isEqualTo(2);
        assertThat(report.getList("rows.status")).containsExactly("ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED");
        assertThat(report.getString("rows[2].errors[0].field")).isEqualTo("voided.effectiveDate");
        assertThat(report.getString("rows[3].errors[0].field")).isEqualTo("writtenOff");
        String voided = report.getString("rows[0].invoiceId");
        String writtenOff = report.getString("rows[1].invoiceId");

        assertThat(statement(customer, voidDate.minusDays(1)).getList("openItems.openAmount"))
                .containsExactly("70.00", "20.00");
        assertThat(statement(customer, voidDate).getList("openItems.openAmount")).containsExactly("20.00");
        assertThat(statement(customer, writeOff).getList("openItems")).isEmpty();

        given().when().get("/invoices/" + voided).then().body("status", equalTo("VOIDED"))
                .body("voidDate", equalTo(voidDate.toString())).body("number", equalTo(prefix + "-1"));
        assertThat(event(voided, "invoice-voided").get("effectiveDate").asText()).isEqualTo(voidDate.toString());
        assertThat(event(writtenOff, "invoice-written-off").get("writeOffDate").asText())
                .isEqualTo(writeOff.toString());
        // its invoice-issued is there too, written before the void in the same transaction
        assertThat(db.outboxRowFor(voided, "invoice-issued")).isNotNull();
        // a rejected row wrote nothing, not even its invoice
        given().queryParam("customerId", customer).when().get("/invoices").then().statusCode(200)
                .body("items.size()", equalTo(2));
    }

    @Test
    void aCsvImportTakesTheVoidAndWriteOffColumns() {
        String customer = customer();
        LocalDate issued = today().minusDays(30);
        LocalDate voidDate = today().minusDays(20);
        String prefix = "EC-" + System.nanoTime();
        String csv = """
                externalNumber,customerId,issueDate,description,quantity,unitPrice,taxRate,voidedOn,voidReasonCode,writtenOffOn,writeOffReasonCode
                %1$s-1,%2$s,%3$s,Work,1,40.00,0,%4$s,ORDER_CANCELLED,,
                %1$s-2,%2$s,%3$s,Work,1,15.00,0,,,%4$s,SMALL_BALANCE
                %1$s-3,%2$s,%3$s,Work,1,15.00,0,%4$s,,,
                """
                .formatted(prefix, customer, issued, voidDate);
        JsonPath report = given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).when()
                .post("/invoices/import").then().statusCode(200).extract().jsonPath();

        assertThat(report.getList("rows.status")).containsExactly("ACCEPTED", "ACCEPTED", "REJECTED");
        assertThat(report.getString("rows[2].errors[0].field")).isEqualTo("voidReasonCode");
        assertThat(statement(customer, voidDate.minusDays(1)).getList("openItems.openAmount"))
                .containsExactly("40.00", "15.00");
        assertThat(statement(customer, voidDate).getList("openItems")).isEmpty();
        given().when().get("/invoices/" + report.getString("rows[1].invoiceId")).then()
                .body("status", equalTo("WRITTEN_OFF")).body("writeOffDate", equalTo(voidDate.toString()));
    }
}
