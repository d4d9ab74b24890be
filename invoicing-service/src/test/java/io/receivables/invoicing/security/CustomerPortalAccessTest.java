package io.receivables.invoicing.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.TestTokens;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A portal user (role {@code customer}) sees its own customer's invoices, documents and statement, and another
 * customer's not at all: the same 404 {@code not-found} as for an id that does not exist, so that ids cannot be probed.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class CustomerPortalAccessTest {

    private static final String NOT_FOUND = "https://receivables.io/problems/not-found";

    @Test
    void aCustomerReadsItsOwnInvoiceButAnotherCustomersIsNotFound() {
        String customerA = registerCustomer("Portal A GmbH");
        String customerB = registerCustomer("Portal B GmbH");
        String invoiceA = issueInvoice(customerA);
        String invoiceB = issueInvoice(customerB);
        String tokenA = TestTokens.customer(UUID.fromString(customerA));

        asCustomer(tokenA).get("/invoices/" + invoiceA).then().statusCode(200);
        asCustomer(tokenA).get("/invoices/" + invoiceA + "/pdf").then().statusCode(200);

        Response unknown = asCustomer(tokenA).get("/invoices/" + UUID.randomUUID());
        for (String path : new String[] { "/invoices/" + invoiceB, "/invoices/" + invoiceB + "/pdf",
                "/invoices/" + invoiceB + "/ubl", "/invoices/" + invoiceB + "/einvoice?format=en16931-ubl" }) {
            Response other = asCustomer(tokenA).get(path);
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(other.jsonPath().getString("type")).as(path).isEqualTo(NOT_FOUND)
                    .isEqualTo(unknown.jsonPath().getString("type"));
            assertThat(other.jsonPath().getString("title")).isEqualTo(unknown.jsonPath().getString("title"));
        }
        // staff still read B's invoice: the 404 is about who asks
        given().get("/invoices/" + invoiceB).then().statusCode(200);
    }

    @Test
    void aCustomersListingAndStatementShowOnlyItsOwnCustomer() {
        String customerA = registerCustomer("Portal C GmbH");
        String customerB = registerCustomer("Portal D GmbH");
        String invoiceA = issueInvoice(customerA);
        issueInvoice(customerB);
        String tokenA = TestTokens.customer(UUID.fromString(customerA));

        assertThat(asCustomer(tokenA).get("/invoices?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("items.customerId", String.class)).isNotEmpty().containsOnly(customerA);
        assertThat(asCustomer(tokenA).get("/invoices?customerId=" + customerB).then().statusCode(200).extract()
                .jsonPath().getList("items")).isEmpty();
        assertThat(asCustomer(tokenA).get("/invoices?customerId=" + customerA).then().statusCode(200).extract()
                .jsonPath().getList("items.id", String.class)).contains(invoiceA);

        asCustomer(tokenA).get("/customers/" + customerA + "/statement").then().statusCode(200);
        Response other = asCustomer(tokenA).get("/customers/" + customerB + "/statement");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.jsonPath().getString("type")).isEqualTo(NOT_FOUND);
        assertThat(asCustomer(tokenA).get("/customers/" + customerB + "/statement/pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void aCustomerTokenWithoutItsClaimSeesNothing() {
        String invoice = issueInvoice(registerCustomer("Portal E GmbH"));
        given().header("Authorization", TestTokens.bearer("customer")).get("/invoices/" + invoice).then()
                .statusCode(404);
    }

    private static io.restassured.specification.RequestSpecification asCustomer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static String registerCustomer(String legalName) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"legalName": "%s", "taxId": "DE811569869", "currency": "EUR",
                         "paymentTerms": {"type": "NET", "days": 30},
                         "billingAddress": {"line1": "Hafenweg 12", "city": "Hamburg", "postalCode": "20457", "country": "DE"}}"""
                        .formatted(legalName))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    private static String issueInvoice(String customerId) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "%s", "issueDate": "2026-03-31",
                         "lines": [{"description": "Subscription", "quantity": "1", "unitPrice": "100.00", "taxRate": "0.19"}]}"""
                        .formatted(customerId))
                .when().post("/invoices").then().statusCode(201).extract().path("id");
    }
}
