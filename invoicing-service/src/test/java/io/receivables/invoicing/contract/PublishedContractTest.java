package io.receivables.invoicing.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What the server returns is what its published OpenAPI document says: each response body validates against the schema
 * the document gives for that operation and status. The document lists every property of a response as required and
 * says which can be null, so a response that leaves a field out, or sends null where the document promises a value,
 * fails here. The requests cover the null-heavy cases: a bare customer, a draft, an invoice issued without a limit.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class PublishedContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static JsonNode document;

    /** Read once the application listens (a static {@code @BeforeAll} would run before RestAssured knows its port). */
    private static JsonNode document() throws IOException {
        if (document == null) {
            document = JSON.readTree(given().accept("application/json").when().get("/q/openapi?format=json").then()
                    .statusCode(200).extract().asString());
        }
        return document;
    }

    @Test
    void customersAsRegisteredReadAndListedMatchTheDocument() {
        String bare = registered("""
                {"legalName": "Bare %s", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30}}""");
        String full = registered("""
                {"legalName": "Full %s", "taxId": "DE123456789", "currency": "EUR", "creditLimit": "50000.00",
                 "paymentTerms": {"type": "NET", "days": 30, "discountDays": 10, "discountRate": "0.02"},
                 "segment": "strategic", "billingEmail": "ap@example.com", "language": "de",
                 "billingAddress": {"line1": "Hafenweg 12", "city": "Hamburg", "country": "DE"},
                 "contacts": [{"name": "Ada", "email": "ada@example.com", "primary": true}],
                 "doNotDun": {"reason": "Negotiating a payment plan"}}""");

        for (String id : Set.of(bare, full)) {
            conforms("/customers/{id}", "get", "200", given().when().get("/customers/" + id));
        }
        conforms("/customers", "get", "200", given().queryParam("limit", 2).when().get("/customers"));
    }

    @Test
    void invoicesIssuedDraftedListedAndVoidedMatchTheDocument() {
        String customerId = registered("""
                {"legalName": "Invoiced %s", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30}}""");
        String lines = """
                "lines": [{"description": "Consulting", "quantity": "3", "unitPrice": "100.00", "taxRate": "0.19"}]""";

        Response issued = given().contentType(ContentType.JSON)
                .body("{\"customerId\": \"" + customerId + "\", " + lines + "}").when().post("/invoices");
        conforms("/invoices", "post", "201", issued);
        assertThat(issued.jsonPath().getString("creditCheck.decision")).isEqualTo("NO_LIMIT");

        Response draft = given().contentType(ContentType.JSON)
                .body("{\"customerId\": \"" + customerId + "\", \"draft\": true, " + lines + "}").when()
                .post("/invoices");
        conforms("/invoices", "post", "201", draft);
        assertThat(draft.jsonPath().getString("number")).isNull();

        conforms("/invoices/{id}", "get", "200", given().when().get("/invoices/" + issued.jsonPath().getString("id")));
        conforms("/invoices", "get", "200",
                given().queryParam("customerId", customerId).queryParam("status", "DRAFT").when().get("/invoices"));
        conforms("/invoices", "get", "200", given().queryParam("customerId", customerId).when().get("/invoices"));

        Response voided = given().contentType(ContentType.JSON).header("If-Match", issued.header("ETag"))
                .body("{\"reasonCode\": \"DUPLICATE\"}").when()
                .post("/invoices/" + issued.jsonPath().getString("id") + "/void");
        conforms("/invoices/{id}/void", "post", "200", voided);

        conforms("/customers/{id}/statement", "get", "200",
                given().when().get("/customers/" + customerId + "/statement"));
    }

    @Test
    void responseSchemasRequireEveryPropertyTheServerWrites() throws IOException {
        for (String name : Set.of("CustomerResponse", "InvoiceResponse", "CreditCheck", "InvoicePage", "StatementItem")) {
            JsonNode schema = document().path("components").path("schemas").path(name);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(property -> required.add(property.asText()));
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(required).as(name + " required").containsExactlyInAnyOrderElementsOf(properties);
        }
    }

    @Test
    void problemsMatchTheDocument() {
        conforms("/invoices/{id}", "get", "404", given().when().get("/invoices/" + UUID.randomUUID()));
        conforms("/invoices", "get", "400", given().queryParam("issuedFrom", "yesterday").when().get("/invoices"));
        conforms("/invoices/{id}/void", "post", "428", given().contentType(ContentType.JSON)
                .body("{\"reasonCode\": \"DUPLICATE\"}").when().post("/invoices/" + UUID.randomUUID() + "/void"));
    }

    private static String registered(String body) {
        Response response = given().contentType(ContentType.JSON).body(body.formatted(System.nanoTime())).when()
                .post("/customers");
        conforms("/customers", "post", "201", response);
        return response.jsonPath().getString("id");
    }

    /** The response has the status and a body valid against the document's schema for that operation and status. */
    private static void conforms(String path, String method, String status, Response response) {
        String operation = method + " " + path + " " + status;
        assertThat(response.statusCode()).as(operation + ": " + response.asString())
                .isEqualTo(Integer.parseInt(status));
        try {
            JsonNode content = document().path("paths").path(path).path(method).path("responses").path(status)
                    .path("content");
            String mediaType = response.contentType().split(";")[0];
            JsonNode declared = content.path(mediaType).path("schema");
            assertThat(declared.isObject()).as(operation + " declares " + mediaType).isTrue();

            ObjectNode schema = declared.deepCopy();
            schema.set("components", document().path("components"));
            Set<ValidationMessage> errors = SCHEMAS.getSchema(schema).validate(JSON.readTree(response.asString()));
            assertThat(errors).as(operation + " returned " + response.asString()).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
