package io.receivables.invoicing.creditnote;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Customers and invoices to credit, through the API as a client would create them. */
public final class CreditNoteFixtures {

    private CreditNoteFixtures() {
    }

    /** A customer with a complete billing address (e-documents need it) and a VAT id. */
    public static String registerCustomer() {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"legalName": "Credited %s GmbH", "taxId": "DE811569869", "currency": "EUR",
                         "paymentTerms": {"type": "NET", "days": 30}, "billingEmail": "ap@credited.example",
                         "billingAddress": {"line1": "Hafenweg 12", "city": "Hamburg", "postalCode": "20457", "country": "DE"}}"""
                        .formatted(System.nanoTime()))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    /**
     * An invoice at two tax rates: 10 × 100.00 at 19 % (1,190.00 gross) and 1 × 50.00 at 7 % (53.50 gross), total
     * 1,243.50 EUR.
     */
    public static JsonPath issueInvoice(String customerId, String issueDate) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "%s", "issueDate": "%s", "poNumber": "PO-CN-1",
                         "lines": [{"description": "Consulting days", "quantity": "10", "unitPrice": "100.00", "taxRate": "0.19"},
                                   {"description": "Printed handbook", "quantity": "1", "unitPrice": "50.00", "taxRate": "0.07"}]}"""
                        .formatted(customerId, issueDate))
                .when().post("/invoices").then().statusCode(201).extract().jsonPath();
    }

    public static Response credit(String invoiceId, String ifMatch, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/invoices/" + invoiceId + "/credit-notes");
    }

    public static String etag(String invoiceId) {
        return given().when().get("/invoices/" + invoiceId).then().statusCode(200).extract().header("ETag");
    }
}
