package io.receivables.invoicing.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.invoicing.MutableClock;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Draft invoices: prepared and changed without a number or an event, deleted without leaving a gap, and issued under the
 * same rules as a new invoice. Numbering assertions count from wherever the year's series stands when the test starts.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class DraftInvoiceTest {

    @Inject
    InvoicingDatabase db;

    @Inject
    Pool pool;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String draft(String customerId, String issueDate) {
        String date = issueDate == null ? "" : "\"issueDate\": \"" + issueDate + "\", ";
        return """
                {"customerId": "%s", %s"draft": true,
                 "billingPeriod": {"start": "2071-01-01", "end": "2071-01-31"},
                 "notes": "Thank you for your business.",
                 "paymentInstructions": "Please quote your customer number 4711 as well.",
                 "lines": [{"description": "Subscription, January", "quantity": "1", "unitPrice": "100.00", "taxRate": "0.19"}]}"""
                .formatted(customerId, date);
    }

    private static JsonPath create(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/invoices")
                .then().statusCode(201).header("ETag", equalTo("\"0\"")).extract().jsonPath();
    }

    private static io.restassured.response.Response issue(String id, String ifMatch) {
        return given().header("If-Match", ifMatch).when().post("/invoices/" + id + "/issue");
    }

    private long outboxRows(String id) {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE aggregateid = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aDraftHasNoNumberNoEventAndDoesNotCountAsOpenAr() {
        String customerId = InvoiceIssuingTest.registerCustomer("EUR", "NET", 30);
        JsonPath draft = create(draft(customerId, "2071-02-01"));

        assertThat(draft.getString("status")).isEqualTo("DRAFT");
        assertThat(draft.getString("number")).isNull();
        assertThat(draft.getString("issuedAt")).isNull();
        assertThat(draft.getString("total")).isEqualTo("119.00");
        assertThat(draft.getString("billingPeriod.start")).isEqualTo("2071-01-01");
        assertThat(draft.getString("notes")).isEqualTo("Thank you for your business.");
        assertThat(outboxRows(draft.getString("id"))).isZero();

        // not receivable: the listing leaves it out unless drafts are asked for
        given().queryParam("customerId", customerId).when().get("/invoices")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("customerId", customerId).queryParam("status", "DRAFT").when().get("/invoices")
                .then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(draft.getString("id")));
        // and the UBL of a draft does not exist yet
        given().when().get("/invoices/" + draft.getString("id") + "/ubl").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void issuesADraftWithTheNextNumberItsPeriodNotesAndInstructionsAndPublishesIt() throws Exception {
        String customerId = InvoiceIssuingTest.registerCustomer("EUR", "NET", 30);
        InvoicingDatabase.NumberSeries inv = db.series("INV", 2071);
        String first = create(draft(customerId, "2071-02-01")).getString("id");
        String second = create(draft(customerId, "2071-02-02")).getString("id");
        String deleted = create(draft(customerId, "2071-02-03")).getString("id");

        given().header("If-Match", "\"0\"").when().delete("/invoices/" + deleted).then().statusCode(204);
        given().when().get("/invoices/" + deleted).then().statusCode(404);

        // issued in the opposite order of creation: numbers follow issuing, and the deleted draft left no gap
        String etag = issue(second, "\"0\"").then().statusCode(200)
                .body("status", equalTo("ISSUED"))
                .body("number", equalTo(inv.next(1)))
                .body("id", equalTo(second))
                .body("dueDate", equalTo("2071-03-04"))
                .body("creditCheck.decision", equalTo("NO_LIMIT"))
                .extract().header("ETag");
        given().when().get("/invoices/" + second).then().header("ETag", equalTo(etag));
        issue(first, "\"0\"").then().statusCode(200).body("number", equalTo(inv.next(2)));

        String payload = db.outboxRowFor(second, "invoice-issued").getString("payload");
        assertThat(EventValidator.shared().validate("invoice-issued", payload).isValid()).as(payload).isTrue();
        JsonNode event = EventJson.mapper().readTree(payload);
        assertThat(event.get("invoiceNumber").asText()).isEqualTo(inv.next(1));
        assertThat(event.get("billingPeriod").get("start").asText()).isEqualTo("2071-01-01");
        assertThat(event.get("billingPeriod").get("end").asText()).isEqualTo("2071-01-31");

        String pdf = io.receivables.invoicing.document.PdfText.of(given().when().get("/invoices/" + second + "/pdf")
                .then().statusCode(200).extract().asByteArray()).flowing();
        assertThat(pdf).contains(inv.next(1), "Thank you for your business.",
                "Please quote your customer number 4711 as well.");
    }

    @Test
    void aDraftWithoutIssueDateIsDatedTheDayItIsIssued() {
        String customerId = InvoiceIssuingTest.registerCustomer("EUR", "NET", 14);
        String id = create(draft(customerId, null)).getString("id");
        given().when().get("/invoices/" + id).then().body("issueDate", nullValue()).body("dueDate", nullValue());

        InvoicingDatabase.NumberSeries inv = db.series("INV", 2072);
        Instant noonOfIssue = LocalDate.of(2072, 6, 15).atTime(12, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), noonOfIssue));
        issue(id, "\"0\"").then().statusCode(200)
                .body("issueDate", equalTo("2072-06-15"))
                .body("dueDate", equalTo("2072-06-29"))
                .body("number", equalTo(inv.next(1)));
    }

    @Test
    void changesADraftUnderIfMatchAndRefusesToChangeAnIssuedInvoice() {
        String customerId = InvoiceIssuingTest.registerCustomer("EUR", "NET", 30);
        String id = create(draft(customerId, "2073-01-10")).getString("id");

        String changed = """
                {"customerId": "%s", "issueDate": "2073-01-12", "dueDate": "2073-01-20",
                 "lines": [{"description": "Licence", "quantity": "2", "unitPrice": "10.00", "taxRate": "0"},
                           {"description": "Support", "quantity": "1", "unitPrice": "5.00", "taxRate": "0.19"},
                           {"description": "Setup", "quantity": "1", "unitPrice": "1.00", "taxRate": "0"}]}"""
                .formatted(customerId);
        given().contentType(ContentType.JSON).body(changed).header("If-Match", "\"0\"").when().put("/invoices/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("DRAFT"))
                .body("total", equalTo("26.95"))
                .body("lines.size()", equalTo(3))
                .body("notes", nullValue());
        // fewer lines again: the extra line goes, the others keep their numbers
        String shorter = changed.replace("""
                ,
                           {"description": "Setup", "quantity": "1", "unitPrice": "1.00", "taxRate": "0"}""", "");
        given().contentType(ContentType.JSON).body(shorter).header("If-Match", "\"1\"").when().put("/invoices/" + id)
                .then().statusCode(200).body("lines.size()", equalTo(2)).body("total", equalTo("25.95"));

        given().contentType(ContentType.JSON).body(changed).header("If-Match", "\"0\"").when().put("/invoices/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(changed).when().put("/invoices/" + id).then().statusCode(428);

        String issued = issue(id, "\"2\"").then().statusCode(200).body("issueDate", equalTo("2073-01-12"))
                .body("dueDate", equalTo("2073-01-20")).body("total", equalTo("25.95")).extract().header("ETag");

        given().contentType(ContentType.JSON).body(changed).header("If-Match", issued).when().put("/invoices/" + id)
                .then().statusCode(409).body("detail", containsString("only a draft can be changed"));
        given().header("If-Match", issued).when().delete("/invoices/" + id)
                .then().statusCode(409).body("detail", containsString("only a draft can be deleted"));
        issue(id, issued).then().statusCode(409).body("detail", containsString("only a draft can be issued"));
        assertThat(outboxRows(id)).isEqualTo(1);
    }

    @Test
    void concurrentIssuesOfOneDraftIssueItOnce() throws Exception {
        String customerId = InvoiceIssuingTest.registerCustomer("EUR", "NET", 30);
        String id = create(draft(customerId, "2073-02-01")).getString("id");
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofVirtual().start(() -> statuses.add(issue(id, "\"0\"").statusCode())));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(statuses).filteredOn(s -> s == 200).as(statuses.toString()).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).as(statuses.toString()).hasSize(3);
        assertThat(outboxRows(id)).isEqualTo(1);
    }

    @Test
    void rejectsABadBillingPeriodOrADueDateBeforeTheIssueDateNamingTheFieldAndWritesNothing() {
        String customerId = InvoiceIssuingTest.registerCustomer("EUR", "NET", 30);
        long before = db.count("invoice");
        given().contentType(ContentType.JSON).body(draft(customerId, "2073-03-01")
                .replace("\"end\": \"2071-01-31\"", "\"end\": \"2070-12-31\""))
                .when().post("/invoices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("billingPeriod.end"));
        given().contentType(ContentType.JSON).body(draft(customerId, "2073-03-01")
                .replace("\"end\": \"2071-01-31\"", "\"end\": null"))
                .when().post("/invoices")
                .then().statusCode(400).body("errors[0].field", equalTo("billingPeriod.end"));
        given().contentType(ContentType.JSON).body(draft(UUID.randomUUID().toString(), "2073-03-01"))
                .when().post("/invoices")
                .then().statusCode(422).body("errors[0].field", equalTo("customerId"));
        assertThat(db.count("invoice")).isEqualTo(before);

        // a draft due before the day it is finally issued cannot be issued as it stands
        String id = create("""
                {"customerId": "%s", "dueDate": "2020-01-01", "draft": true,
                 "lines": [{"description": "Late", "quantity": "1", "unitPrice": "1.00", "taxRate": "0"}]}"""
                .formatted(customerId)).getString("id");
        issue(id, "\"0\"").then().statusCode(400).body("errors[0].field", equalTo("dueDate"));
        given().when().get("/invoices/" + id).then().body("status", equalTo("DRAFT")).body("number", nullValue());
        assertThat(outboxRows(id)).isZero();
    }

    @Test
    void aDraftCannotBeCreditedOnlyChanged() {
        String customerId = InvoiceIssuingTest.registerCustomer("EUR", "NET", 30);
        String id = create(draft(customerId, "2073-05-01")).getString("id");
        long creditNotes = db.count("credit_note");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"reasonCode": "GOODWILL", "full": true}""")
                .when().post("/invoices/" + id + "/credit-notes")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is a draft"));
        assertThat(db.count("credit_note")).isEqualTo(creditNotes);
        assertThat(outboxRows(id)).isZero();
    }

    @Test
    void aBatchIssuesOnlyAndSaysSoForADraft() {
        String customerId = InvoiceIssuingTest.registerCustomer("EUR", "NET", 30);
        given().contentType(ContentType.JSON).body("{\"invoices\": [" + draft(customerId, "2073-04-01") + "]}")
                .when().post("/invoices/batch")
                .then().statusCode(400).body("errors[0].field", equalTo("invoices[0].draft"));
    }
}
