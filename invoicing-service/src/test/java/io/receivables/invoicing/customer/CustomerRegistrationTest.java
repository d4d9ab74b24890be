package io.receivables.invoicing.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class CustomerRegistrationTest {

    @Inject
    InvoicingDatabase db;

    @Test
    void registersACustomerAndPublishesCustomerRegisteredThroughTheOutbox() {
        String id = given().contentType(ContentType.JSON).body("""
                {"legalName": "Globex Corporation", "taxId": "DE811907980", "currency": "EUR",
                 "paymentTerms": {"type": "NET", "days": 45}, "creditLimit": "50000.00",
                 "segment": "strategic", "billingEmail": "ap@globex.example"}""")
                .when().post("/customers")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/customers/"))
                .body("legalName", equalTo("Globex Corporation"))
                .body("paymentTerms.days", equalTo(45))
                .body("creditLimit", equalTo("50000.00"))
                .extract().path("id");

        given().when().get("/customers/" + id).then().statusCode(200).body("segment", equalTo("strategic"));

        var row = db.outboxRowFor(id, "customer-registered");
        assertThat(row.getString("customer_id")).isEqualTo(id);
        assertThat(row.getString("source")).isEqualTo("/receivables/invoicing-service");
        assertThat(EventValidator.shared().validate("customer-registered", row.getString("payload")).isValid())
                .as(row.getString("payload")).isTrue();
    }

    @Test
    void defaultsTheSegmentToStandard() {
        given().contentType(ContentType.JSON).body("""
                {"legalName": "Initech", "currency": "USD", "paymentTerms": {"type": "END_OF_MONTH", "days": 30}}""")
                .when().post("/customers")
                .then().statusCode(201).body("segment", equalTo("standard"));
    }

    @Test
    void rejectsAnInvalidCustomerNamingEveryFieldAndWritesNothing() {
        long customers = db.count("customer");
        long outbox = db.count("outbox");

        given().contentType(ContentType.JSON).body("""
                {"legalName": "", "currency": "EURO", "paymentTerms": {"type": "NET", "days": 400},
                 "creditLimit": 1000, "billingEmail": "not-an-email"}""")
                .when().post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("creditLimit"));

        given().contentType(ContentType.JSON).body("""
                {"legalName": "", "currency": "EURO", "paymentTerms": {"type": "NET", "days": 400},
                 "billingEmail": "not-an-email"}""")
                .when().post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/validation"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("billingEmail", "currency",
                        "legalName", "paymentTerms.days"));

        given().contentType(ContentType.JSON).body("""
                {"legalName": "Acme", "currency": "ABC", "paymentTerms": {"type": "NET", "days": 30}}""")
                .when().post("/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("currency"));

        assertThat(db.count("customer")).isEqualTo(customers);
        assertThat(db.count("outbox")).isEqualTo(outbox);
    }

    @Test
    void answersAnUnknownCustomerWithNotFound() {
        given().when().get("/customers/00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/not-found"));
    }
}
