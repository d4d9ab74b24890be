package io.receivables.invoicing.creditnote;

import static io.receivables.invoicing.creditnote.CreditNoteFixtures.credit;
import static io.receivables.invoicing.creditnote.CreditNoteFixtures.etag;
import static io.receivables.invoicing.creditnote.CreditNoteFixtures.issueInvoice;
import static io.receivables.invoicing.creditnote.CreditNoteFixtures.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Crediting an invoice in part and in full, under If-Match and Idempotency-Key, never beyond its total. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class CreditNoteIssuingTest {

    private static final String RETURNED_TWO_DAYS = """
            {"reasonCode": "SERVICE_ISSUE", "note": "Two days not delivered",
             "lines": [{"description": "Consulting days not delivered", "quantity": "2", "unitPrice": "100.00", "taxRate": "0.19"}]}""";

    @Inject
    InvoicingDatabase db;

    @Inject
    Pool pool;

    private long creditNoteRows(String invoiceId) {
        return pool.preparedQuery("SELECT count(*) FROM credit_note WHERE invoice_id = $1")
                .execute(Tuple.of(UUID.fromString(invoiceId))).await().indefinitely().iterator().next().getLong(0);
    }

    private long creditNoteEvents(String customerId) {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE customer_id = $1 AND type = 'credit-note-issued'")
                .execute(Tuple.of(customerId)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void creditsPartOfAnInvoiceLowersWhatIsDueAndPublishesCreditNoteIssued() throws Exception {
        String customerId = registerCustomer();
        String invoiceId = issueInvoice(customerId, "2026-02-02").getString("id");

        String id = credit(invoiceId, etag(invoiceId), RETURNED_TWO_DAYS)
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString("/credit-notes/"))
                .body("number", matchesPattern("CN-\\d{4}-\\d{6}"))
                .body("invoiceId", equalTo(invoiceId))
                .body("customerId", equalTo(customerId))
                .body("currency", equalTo("EUR"))
                .body("reasonCode", equalTo("SERVICE_ISSUE"))
                .body("subtotal", equalTo("200.00"))
                .body("taxTotal", equalTo("38.00"))
                .body("total", equalTo("238.00"))
                .body("unappliedAmount", equalTo("0.00"))
                .body("lines[0].netAmount", equalTo("200.00"))
                .body("lines[0].taxAmount", equalTo("38.00"))
                .extract().path("id");

        given().when().get("/invoices/" + invoiceId).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("total", equalTo("1243.50"))
                .body("amountCredited", equalTo("238.00"))
                .body("amountDue", equalTo("1005.50"))
                .body("status", equalTo("OVERDUE")); // its due date has passed: the status is derived today
        given().when().get("/credit-notes/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("total", equalTo("238.00")).body("note", equalTo("Two days not delivered"));

        String payload = db.outboxRowFor(id, "credit-note-issued").getString("payload");
        assertThat(EventValidator.shared().validate("credit-note-issued", payload).isValid()).as(payload).isTrue();
        JsonNode event = EventJson.mapper().readTree(payload);
        assertThat(event.get("invoiceId").asText()).isEqualTo(invoiceId);
        assertThat(event.get("total").asText()).isEqualTo("238.00");
        assertThat(event.get("reasonCode").asText()).isEqualTo("SERVICE_ISSUE");
        assertThat(event.has("disputeId")).isFalse();
    }

    @Test
    void fullCreditAfterAPartOneCreditsExactlyTheRestSplitByTaxRateAndThenNothingIsLeft() {
        String customerId = registerCustomer();
        String invoiceId = issueInvoice(customerId, "2026-02-03").getString("id");
        credit(invoiceId, "\"0\"", RETURNED_TWO_DAYS).then().statusCode(201);

        // the rest, 1,005.50, is what is left at each rate: 19 %: 1,000.00 - 200.00 net and 190.00 - 38.00 VAT;
        // 7 %: all of 50.00 net and 3.50 VAT. Never more VAT at a rate than was invoiced at it.
        credit(invoiceId, "\"1\"", """
                {"reasonCode": "GOODWILL", "full": true}""")
                .then().statusCode(201)
                .body("total", equalTo("1005.50"))
                .body("subtotal", equalTo("850.00"))
                .body("taxTotal", equalTo("155.50"))
                .body("lines.size()", equalTo(2))
                .body("lines[0].taxRate", equalTo("0.19"))
                .body("lines[0].netAmount", equalTo("800.00"))
                .body("lines[0].taxAmount", equalTo("152.00"))
                .body("lines[1].taxRate", equalTo("0.07"))
                .body("lines[1].netAmount", equalTo("50.00"))
                .body("lines[1].taxAmount", equalTo("3.50"));

        given().when().get("/invoices/" + invoiceId).then()
                .body("amountCredited", equalTo("1243.50")).body("amountDue", equalTo("0.00"))
                .header("ETag", equalTo("\"2\""));
        given().when().get("/invoices/" + invoiceId + "/credit-notes").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.total", equalTo(List.of("238.00", "1005.50")));

        credit(invoiceId, "\"2\"", """
                {"reasonCode": "GOODWILL", "full": true}""")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/credit-exceeds-invoice"))
                .body("errors[0].field", equalTo("full"));
        assertThat(creditNoteRows(invoiceId)).isEqualTo(2);
    }

    @Test
    void aCreditLineOnlyUsesATaxRateOfTheInvoiceAndNeverCreditsMoreThanIsLeftAtIt() {
        String customerId = registerCustomer();
        String invoiceId = issueInvoice(customerId, "2026-02-03").getString("id");

        credit(invoiceId, "\"0\"",
                """
                        {"reasonCode": "PRICING_ERROR",
                         "lines": [{"description": "Consulting", "quantity": "1", "unitPrice": "10.00", "taxRate": "0.19"},
                                   {"description": "At a rate the invoice never had", "quantity": "1", "unitPrice": "10.00", "taxRate": "0.20"}]}""")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("lines[1].taxRate")))
                .body("errors[0].message", containsString("19 %, 7 %"));
        // the invoice has 50.00 net and 3.50 VAT at 7 %: 60.00 at 7 % is within its total but not within the 7 % part
        credit(invoiceId, "\"0\"", """
                {"reasonCode": "PRICING_ERROR",
                 "lines": [{"description": "Handbooks", "quantity": "1", "unitPrice": "60.00", "taxRate": "0.07"}]}""")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/credit-exceeds-invoice"))
                .body("errors[0].field", equalTo("lines"))
                .body("detail", containsString("7 %"));

        assertThat(creditNoteRows(invoiceId)).isZero();
        assertThat(creditNoteEvents(customerId)).isZero();
    }

    @Test
    void aFullCreditOfAnUncreditedInvoiceReversesItsLines() {
        String invoiceId = issueInvoice(registerCustomer(), "2026-02-04").getString("id");
        credit(invoiceId, "\"0\"", """
                {"reasonCode": "PRICING_ERROR", "full": true}""")
                .then().statusCode(201)
                .body("total", equalTo("1243.50")).body("subtotal", equalTo("1050.00"))
                .body("taxTotal", equalTo("193.50"))
                .body("lines.description", equalTo(List.of("Consulting days", "Printed handbook")))
                .body("lines.quantity", equalTo(List.of("10", "1")));
    }

    @Test
    void refusesACreditBeyondTheInvoiceTotalWithNoRowAndNoEvent() {
        String customerId = registerCustomer();
        String invoiceId = issueInvoice(customerId, "2026-02-05").getString("id");
        credit(invoiceId, "\"0\"",
                """
                        {"reasonCode": "PRICING_ERROR",
                         "lines": [{"description": "Everything and more", "quantity": "11", "unitPrice": "100.00", "taxRate": "0.19"}]}""")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/credit-exceeds-invoice"))
                .body("errors[0].field", equalTo("lines"))
                .body("detail", containsString("1243.50"));

        assertThat(creditNoteRows(invoiceId)).isZero();
        assertThat(creditNoteEvents(customerId)).isZero();
        given().when().get("/invoices/" + invoiceId).then().header("ETag", equalTo("\"0\""))
                .body("amountDue", equalTo("1243.50")).body("amountCredited", equalTo("0.00"));
    }

    @Test
    void rejectsBadInputNamingTheFieldAndWritesNothing() {
        String customerId = registerCustomer();
        String invoiceId = issueInvoice(customerId, "2026-02-06").getString("id");
        credit(invoiceId, "\"0\"", """
                {"reasonCode": "GOODWILL"}""")
                .then().statusCode(400).body("errors[0].field", equalTo("lines"));
        credit(invoiceId, "\"0\"", """
                {"reasonCode": "GOODWILL", "full": true,
                 "lines": [{"description": "x", "quantity": "1", "unitPrice": "1.00", "taxRate": "0.19"}]}""")
                .then().statusCode(400).body("errors[0].field", equalTo("lines"));
        credit(invoiceId, "\"0\"", """
                {"reasonCode": "GOODWILL",
                 "lines": [{"description": "x", "quantity": "-1", "unitPrice": "1.00", "taxRate": "0.19"}]}""")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lines[0].quantity"));
        credit(invoiceId, "\"0\"", """
                {"reasonCode": "GOODWILL",
                 "lines": [{"description": "x", "quantity": "1", "unitPrice": 1.00, "taxRate": "0.19"}]}""")
                .then().statusCode(400).body("errors[0].field", equalTo("lines[0].unitPrice"));
        credit(invoiceId, "\"0\"", """
                {"reasonCode": "BECAUSE", "full": true}""")
                .then().statusCode(400).body("errors[0].field", equalTo("reasonCode"));
        credit(invoiceId, "\"0\"", """
                {"reasonCode": "GOODWILL", "full": true, "issueDate": "2026-02-05"}""")
                .then().statusCode(400).body("errors[0].field", equalTo("issueDate"));

        assertThat(creditNoteRows(invoiceId)).isZero();
        assertThat(creditNoteEvents(customerId)).isZero();
        given().when().get("/invoices/" + invoiceId).then().header("ETag", equalTo("\"0\""));
    }

    @Test
    void aStaleIfMatchGets412AndAMissingOne428() {
        String customerId = registerCustomer();
        String invoiceId = issueInvoice(customerId, "2026-02-07").getString("id");
        credit(invoiceId, "\"0\"", RETURNED_TWO_DAYS).then().statusCode(201);

        // a second credit from the view before the first one
        credit(invoiceId, "\"0\"", RETURNED_TWO_DAYS)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/precondition-failed"));
        credit(invoiceId, null, RETURNED_TWO_DAYS).then().statusCode(428);
        assertThat(creditNoteRows(invoiceId)).isEqualTo(1);
        assertThat(creditNoteEvents(customerId)).isEqualTo(1);
    }

    @Test
    void refusesToCreditAVoidedInvoiceWith409() {
        String invoiceId = issueInvoice(registerCustomer(), "2026-02-08").getString("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"reasonCode": "DUPLICATE"}""").when().post("/invoices/" + invoiceId + "/void").then().statusCode(200);

        credit(invoiceId, "\"1\"", RETURNED_TWO_DAYS)
                .then().statusCode(409).body("type", equalTo("https://receivables.io/problems/conflict"))
                .body("detail", containsString("VOIDED"));
        assertThat(creditNoteRows(invoiceId)).isZero();
    }

    @Test
    void aCreditedInvoiceCanNoLongerBeVoided() {
        String invoiceId = issueInvoice(registerCustomer(), "2026-02-09").getString("id");
        credit(invoiceId, "\"0\"", RETURNED_TWO_DAYS).then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("""
                {"reasonCode": "DUPLICATE"}""").when().post("/invoices/" + invoiceId + "/void")
                .then().statusCode(409);
    }

    @Test
    void creditOnAWrittenOffInvoiceIsUnappliedAsNothingWasDue() {
        String invoiceId = issueInvoice(registerCustomer(), "2026-02-10").getString("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"reasonCode": "UNCOLLECTIBLE"}""").when().post("/invoices/" + invoiceId + "/write-off")
                .then().statusCode(200);

        credit(invoiceId, "\"1\"", RETURNED_TWO_DAYS).then().statusCode(201)
                .body("total", equalTo("238.00")).body("unappliedAmount", equalTo("238.00"));
        given().when().get("/invoices/" + invoiceId).then().body("amountDue", equalTo("0.00"))
                .body("amountCredited", equalTo("238.00")).body("status", equalTo("WRITTEN_OFF"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstCreditNoteAndWritesNothingTwice() {
        String customerId = registerCustomer();
        String invoiceId = issueInvoice(customerId, "2026-02-11").getString("id");
        String key = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            ids.add(given().contentType(ContentType.JSON).header("If-Match", "\"0\"").header("Idempotency-Key", key)
                    .body(RETURNED_TWO_DAYS).when().post("/invoices/" + invoiceId + "/credit-notes")
                    .then().statusCode(201).header("ETag", equalTo("\"0\"")).extract().path("id"));
        }
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(creditNoteRows(invoiceId)).isEqualTo(1);
        assertThat(creditNoteEvents(customerId)).isEqualTo(1);
        given().when().get("/invoices/" + invoiceId).then().body("amountCredited", equalTo("238.00"));

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").header("Idempotency-Key", key)
                .body("""
                        {"reasonCode": "GOODWILL", "full": true}""")
                .when().post("/invoices/" + invoiceId + "/credit-notes")
                .then().statusCode(422).body("type", equalTo("https://receivables.io/problems/idempotency-key-reused"));
    }

    @Test
    void parallelCreditNotesOnDifferentInvoicesGetConsecutiveNumbersOfTheirYear() throws Exception {
        // the CN series of the year goes on from wherever it stands, without gaps
        List<String> invoiceIds = IntStream.range(0, 8)
                .mapToObj(i -> issueInvoice(registerCustomer(), "2026-03-0" + (i + 1)).getString("id")).toList();
        InvoicingDatabase.NumberSeries cn = db.series("CN", 2026);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (String invoiceId : invoiceIds) {
                Callable<String> credit = () -> credit(invoiceId, "\"0\"", """
                        {"reasonCode": "GOODWILL", "issueDate": "2026-06-01",
                         "lines": [{"description": "Goodwill", "quantity": "1", "unitPrice": "10.00", "taxRate": "0.19"}]}""")
                        .then().statusCode(201).extract().path("number");
                numbers.add(pool.submit(credit));
            }
            List<String> issued = new ArrayList<>();
            for (Future<String> number : numbers) {
                issued.add(number.get());
            }
            assertThat(issued).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 8).mapToObj(cn::next).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void answers404ForAnUnknownInvoiceOrCreditNote() {
        String unknown = UUID.randomUUID().toString();
        credit(unknown, "\"0\"", RETURNED_TWO_DAYS).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/invoices/" + unknown + "/credit-notes").then().statusCode(404);
        for (String path : List.of("", "/pdf", "/ubl")) {
            given().when().get("/credit-notes/" + unknown + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void documentsTheEndpointsInOpenApi() {
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/invoices/{id}/credit-notes'.post.responses.'201'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/invoices/{id}/credit-notes'.post.responses.'412'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/invoices/{id}/credit-notes'.post.responses.'422'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/invoices/{id}/credit-notes'.post.parameters.find { it.name == 'Idempotency-Key' }.in",
                        equalTo("header"))
                .body("paths.'/invoices/{id}/credit-notes'.post.parameters.find { it.name == 'If-Match' }.in",
                        equalTo("header"))
                .body("paths.'/credit-notes/{id}'.get.responses.'200'.headers.ETag", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/credit-notes/{id}/ubl'.get.responses.'200'.content",
                        org.hamcrest.Matchers.hasKey("application/xml"));
    }
}
