package io.receivables.invoicing.statement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.invoicing.document.PdfText;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A customer's statement of account as of a date: the facts as they stood then, as JSON and as PDF. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class StatementTest {

    static String registerCustomer() {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"legalName": "Statement Customer %s", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30},
                         "billingAddress": {"line1": "Hafenweg 12", "city": "Hamburg", "postalCode": "20457", "country": "DE"}}"""
                        .formatted(System.nanoTime()))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    /** An invoice of 121.02 (100.01 net, 21 % tax, as two lines), due 30 days after issue. */
    static JsonPath issue(String customerId, String issueDate, String currency) {
        return given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "%s", "currency": "%s",
                 "lines": [{"description": "Consulting", "quantity": "3", "unitPrice": "33.335", "taxRate": "0.21"},
                           {"description": "Travel", "quantity": "1", "unitPrice": "0.005", "taxRate": "0.21"}]}"""
                .formatted(customerId, issueDate, currency))
                .when().post("/invoices").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath statement(String customerId, String asOf) {
        var request = given();
        if (asOf != null) {
            request = request.queryParam("asOf", asOf);
        }
        return request.when().get("/customers/" + customerId + "/statement").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void showsWhatWasOpenOnTheDateWithAgingAndLeavesOutWhatWasVoidedOrWrittenOffByThen() {
        String customerId = registerCustomer();
        JsonPath january = issue(customerId, "2026-01-10", "EUR");
        JsonPath march = issue(customerId, "2026-03-01", "EUR");
        JsonPath voidedLater = issue(customerId, "2026-02-01", "EUR");
        JsonPath writtenOff = issue(customerId, "2026-02-15", "EUR");
        issue(customerId, "2026-02-20", "USD");
        given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "draft": true, "issueDate": "2026-02-02",
                 "lines": [{"description": "Draft", "quantity": "1", "unitPrice": "5.00", "taxRate": "0"}]}"""
                .formatted(customerId)).when().post("/invoices").then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reasonCode\": \"UNCOLLECTIBLE\","
                + " \"writeOffDate\": \"2026-05-31\"}")
                .when().post("/invoices/" + writtenOff.getString("id") + "/write-off").then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reasonCode\": \"DUPLICATE\"}")
                .when().post("/invoices/" + voidedLater.getString("id") + "/void").then().statusCode(200);

        JsonPath april = statement(customerId, "2026-04-15");
        assertThat(april.getString("currency")).isEqualTo("EUR");
        assertThat(april.getList("openItems.documentNumber")).containsExactly(january.getString("number"),
                voidedLater.getString("number"), writtenOff.getString("number"), march.getString("number"));
        assertThat(april.getList("openItems.daysOverdue")).containsExactly(65, 43, 29, 15);
        assertThat(april.getString("balance")).isEqualTo("484.08");
        assertThat(april.getString("aging.current")).isEqualTo("0.00");
        assertThat(april.getString("aging.days1To30")).isEqualTo("242.04");
        assertThat(april.getString("aging.days31To60")).isEqualTo("121.02");
        assertThat(april.getString("aging.days61To90")).isEqualTo("121.02");
        assertThat(april.getString("aging.over90Days")).isEqualTo("0.00");
        assertThat(april.getList("credits")).isEmpty();

        // written off on 2026-05-31: gone from the end of June; the void happened today, so it still counts then
        JsonPath june = statement(customerId, "2026-06-30");
        assertThat(june.getList("openItems.documentNumber")).containsExactly(january.getString("number"),
                voidedLater.getString("number"), march.getString("number"));
        assertThat(june.getString("balance")).isEqualTo("363.06");

        JsonPath today = statement(customerId, null);
        assertThat(today.getString("asOf")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(today.getList("openItems.documentNumber")).containsExactly(january.getString("number"),
                march.getString("number"));

        JsonPath beforeAnything = statement(customerId, "2025-12-31");
        assertThat(beforeAnything.getList("openItems")).isEmpty();
        assertThat(beforeAnything.getString("balance")).isEqualTo("0.00");

        JsonPath dollars = given().queryParam("asOf", "2026-04-15").queryParam("currency", "USD")
                .when().get("/customers/" + customerId + "/statement").then().statusCode(200).extract().jsonPath();
        assertThat(dollars.getList("openItems")).hasSize(1);
        assertThat(dollars.getString("balance")).isEqualTo("121.02");
    }

    @Test
    void countsACreditNoteFromItsDateAndShowsWhatItCreditedBeyondTheDueAmountAsACredit() {
        String customerId = registerCustomer();
        JsonPath credited = issue(customerId, "2026-01-10", "EUR");
        JsonPath writtenOff = issue(customerId, "2026-01-11", "EUR");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"reasonCode": "PRICING_ERROR", "issueDate": "2026-04-20",
                 "lines": [{"description": "Overcharged", "quantity": "1", "unitPrice": "10.00", "taxRate": "0.21"}]}""")
                .when().post("/invoices/" + credited.getString("id") + "/credit-notes").then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reasonCode\": \"UNCOLLECTIBLE\", \"writeOffDate\": \"2026-03-31\"}")
                .when().post("/invoices/" + writtenOff.getString("id") + "/write-off").then().statusCode(200);
        // 4.13 + 21 % VAT = 5.00, at the invoice's own rate (a credit never uses a rate the invoice does not have)
        String goodwill = given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("""
                {"reasonCode": "GOODWILL", "issueDate": "2026-04-25",
                 "lines": [{"description": "Goodwill", "quantity": "1", "unitPrice": "4.13", "taxRate": "0.21"}]}""")
                .when().post("/invoices/" + writtenOff.getString("id") + "/credit-notes").then().statusCode(201)
                .extract().path("number");

        JsonPath before = statement(customerId, "2026-04-15");
        assertThat(before.getList("openItems.openAmount")).containsExactly("121.02");
        assertThat(before.getList("credits")).isEmpty();

        JsonPath after = statement(customerId, "2026-04-30");
        assertThat(after.getList("openItems.openAmount")).as("121.02 less the 12.10 credited").containsExactly("108.92");
        assertThat(after.getList("credits.documentNumber")).containsExactly(goodwill);
        assertThat(after.getList("credits.kind")).containsExactly("CREDIT_NOTE");
        assertThat(after.getList("credits.openAmount")).containsExactly("-5.00");
        assertThat(after.getString("balance")).isEqualTo("103.92");
    }

    @Test
    void printsTheSameStatementAsPdf() {
        String customerId = registerCustomer();
        JsonPath invoice = issue(customerId, "2026-01-10", "EUR");
        byte[] pdf = given().queryParam("asOf", "2026-04-15").when().get("/customers/" + customerId + "/statement/pdf")
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("inline; filename=\"statement-" + customerId + "-2026-04-15.pdf\""))
                .extract().asByteArray();
        assertThat(PdfText.of(pdf).flowing()).contains("STATEMENT", invoice.getString("number"), "121.02",
                "Hafenweg 12");
    }

    @Test
    void rejectsABadDateOrCurrencyNamingTheParameterAndAnswers404ForAnUnknownCustomer() {
        String customerId = registerCustomer();
        given().queryParam("asOf", "2026-02-30").when().get("/customers/" + customerId + "/statement")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
        given().queryParam("currency", "XYZ").when().get("/customers/" + customerId + "/statement/pdf")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("currency"));
        given().when().get("/customers/" + UUID.randomUUID() + "/statement")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
