package io.receivables.invoicing.invoice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;

/** Under the default policy (FLAG) an invoice over the credit limit is issued, flagged and explained. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class CreditLimitTest {

    static String customerWithLimit(String currency, String limit) {
        return given().contentType(ContentType.JSON).body("""
                {"legalName": "Limited %d", "currency": "%s", "creditLimit": "%s",
                 "paymentTerms": {"type": "NET", "days": 30, "discountDays": 10, "discountRate": "0.02"}}"""
                .formatted(System.nanoTime(), currency, limit))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    static String invoice(String customerId, String amount, String currencyField) {
        return """
                {"customerId": "%s", "issueDate": "2026-11-23"%s,
                 "lines": [{"description": "Goods", "quantity": "1", "unitPrice": "%s", "taxRate": "0"}]}"""
                .formatted(customerId, currencyField, amount);
    }

    @Test
    void issuesWithinTheLimitAndSaysSo() {
        String customer = customerWithLimit("EUR", "1000.00");
        given().contentType(ContentType.JSON).body(invoice(customer, "600.00", "")).when().post("/invoices")
                .then().statusCode(201)
                .body("creditCheck.decision", equalTo("WITHIN_LIMIT"))
                .body("creditCheck.openBefore", equalTo("0.00"))
                .body("creditCheck.openAfter", equalTo("600.00"))
                .body("discountDate", equalTo("2026-12-03"))
                .body("discountAmount", equalTo("12.00"))
                .body("amountDue", equalTo("600.00"));
    }

    @Test
    void flagsTheInvoiceThatTakesOpenArOverTheLimitAndExplainsWhy() {
        String customer = customerWithLimit("EUR", "1000.00");
        given().contentType(ContentType.JSON).body(invoice(customer, "600.00", "")).when().post("/invoices")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(invoice(customer, "500.00", "")).when().post("/invoices")
                .then().statusCode(201)
                .body("creditCheck.decision", equalTo("ALLOWED_OVER_LIMIT"))
                .body("creditCheck.creditLimit", equalTo("1000.00"))
                .body("creditCheck.openBefore", equalTo("600.00"))
                .body("creditCheck.openAfter", equalTo("1100.00"))
                .body("creditCheck.reason", org.hamcrest.Matchers.containsString("over the credit limit"));
    }

    @Test
    void doesNotConvertCurrenciesToCheckALimit() {
        String customer = customerWithLimit("EUR", "10.00");
        given().contentType(ContentType.JSON).body(invoice(customer, "500.00", ", \"currency\": \"USD\""))
                .when().post("/invoices")
                .then().statusCode(201)
                .body("creditCheck.decision", equalTo("NO_LIMIT"))
                .body("creditCheck.openAfter", nullValue());
    }
}
