package io.receivables.invoicing.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.events.CustomerRegistered;
import io.receivables.contracts.events.PeppolParticipant;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;

/**
 * The e-invoicing data on customers and invoices, and how the format endpoints answer: precise 400s on save, 422s
 * naming what a format lacks, the customer's preferred format as default, the invoice's buyer reference over the
 * customer's.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class EInvoiceRequestsTest {

    @Inject
    InvoicingDatabase db;

    private static final String ADDRESS = """
            "billingAddress": {"line1": "Hafenweg 12", "city": "Hamburg", "postalCode": "20457", "country": "DE"}""";

    private static String customer(String extra) {
        return given().contentType(ContentType.JSON).body("""
                {"legalName": "E-invoiced %d", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30},
                 %s%s}""".formatted(System.nanoTime(), ADDRESS, extra))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    private static String invoice(String customerId, String extra) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "%s"%s, "lines": [{"description": "Service", "quantity": "1", "unitPrice": "100.00", "taxRate": "0.19"}]}"""
                        .formatted(customerId, extra))
                .when().post("/invoices").then().statusCode(201).extract().path("id");
    }

    @Test
    void rejectsAnUnknownSchemeABadCheckDigitAndAnUnknownFormatNamingEachField() {
        given().contentType(ContentType.JSON).body("""
                {"legalName": "Bad", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30},
                 "peppolParticipant": {"scheme": "1234", "value": "x"}, "einvoiceFormat": "pdf"}""")
                .when().post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("peppolParticipant.scheme"))
                .body("errors.field", hasItem("einvoiceFormat"));
        given().contentType(ContentType.JSON).body("""
                {"legalName": "Bad GLN", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30},
                 "peppolParticipant": {"scheme": "0088", "value": "4000001000006"}}""")
                .when().post("/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("peppolParticipant.value"));
    }

    @Test
    void storesTheParticipantAndServesItAsTheBuyersEndpoint() {
        String customerId = customer(", \"peppolParticipant\": {\"scheme\": \"0088\", \"value\": \"4000001000005\"},"
                + " \"buyerReference\": \"04011000-12345-06\", \"einvoiceFormat\": \"xrechnung-3\"");
        given().when().get("/customers/" + customerId).then().statusCode(200)
                .body("peppolParticipant.scheme", equalTo("0088"))
                .body("buyerReference", equalTo("04011000-12345-06"))
                .body("einvoiceFormat", equalTo("xrechnung-3"));
        String invoiceId = invoice(customerId, "");

        Xml ubl = new Xml(given().when().get("/invoices/" + invoiceId + "/einvoice").then().statusCode(200)
                .extract().asByteArray());
        assertThat(ubl.text("//cbc:CustomizationID")).as("the customer's preferred format")
                .endsWith("xrechnung_3.0");
        assertThat(ubl.text("//cac:AccountingCustomerParty//cbc:EndpointID")).isEqualTo("4000001000005");
        assertThat(ubl.text("//cac:AccountingCustomerParty//cbc:EndpointID/@schemeID")).isEqualTo("0088");
        assertThat(ubl.text("//cbc:BuyerReference")).isEqualTo("04011000-12345-06");

        String overridden = invoice(customerId, ", \"buyerReference\": \"PROJECT-7\"");
        Xml own = new Xml(given().queryParam("format", "peppol-bis-3").when()
                .get("/invoices/" + overridden + "/einvoice").then().statusCode(200).extract().asByteArray());
        assertThat(own.text("//cbc:BuyerReference")).isEqualTo("PROJECT-7");
        assertThat(own.text("//cbc:CustomizationID")).endsWith("poacc:billing:3.0");
    }

    @Test
    void refusesAnExemptionTheDocumentCouldNotStateNamingTheLine() {
        String customerId = customer(", \"taxId\": \"DE811569869\"");
        given().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "%s", "lines": [
                         {"description": "Taxed", "quantity": "1", "unitPrice": "10.00", "taxRate": "0.19", "vatExemption": {"category": "AE"}},
                         {"description": "Exempt", "quantity": "1", "unitPrice": "10.00", "taxRate": "0", "vatExemption": {"category": "E"}},
                         {"description": "Reverse", "quantity": "1", "unitPrice": "10.00", "taxRate": "0", "vatExemption": {"category": "AE"}}]}"""
                        .formatted(customerId))
                .when().post("/invoices")
                .then().statusCode(400)
                .body("errors.field", hasItem("lines[0].vatExemption"))
                .body("errors.field", hasItem("lines[1].vatExemption.reason"))
                .body("errors.field", hasItem("lines[2].vatExemption"));
    }

    @Test
    void reverseChargeNeedsTheCustomersVatIdAndIsServedAsCategoryAe() {
        String line = """
                "lines": [{"description": "Construction work", "quantity": "10", "unitPrice": "65.00", "taxRate": "0", "vatExemption": {"category": "AE"}}]""";
        String withoutVatId = customer(", \"buyerReference\": \"04011000-12345-06\"");
        given().contentType(ContentType.JSON).body("{\"customerId\": \"%s\", %s}".formatted(withoutVatId, line))
                .when().post("/invoices").then().statusCode(422)
                .body("type", equalTo("https://receivables.io/problems/missing-billing-data"))
                .body("errors.field", equalTo(java.util.List.of("taxId")));

        String withVatId = customer(", \"taxId\": \"DE811569869\", \"buyerReference\": \"04011000-12345-06\"");
        String invoiceId = given().contentType(ContentType.JSON)
                .body("{\"customerId\": \"%s\", %s}".formatted(withVatId, line)).when().post("/invoices")
                .then().statusCode(201).body("lines[0].vatExemption.category", equalTo("AE"))
                .extract().path("id");
        Xml ubl = new Xml(given().queryParam("format", "xrechnung-3").when().get("/invoices/" + invoiceId + "/einvoice")
                .then().statusCode(200).extract().asByteArray());
        assertThat(ubl.text("//cac:TaxSubtotal/cac:TaxCategory/cbc:ID")).isEqualTo("AE");
        assertThat(ubl.text("//cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReasonCode")).isEqualTo("VATEX-EU-AE");
        JsonNode event = EventJson.readTree(db.outboxRowFor(invoiceId, "invoice-issued").getString("payload"));
        assertThat(event.at("/lines/0/vatExemption/category").asText()).isEqualTo("AE");
        assertThat(EventValidator.shared().validate("invoice-issued", event.toString()).isValid()).isTrue();
    }

    @Test
    void customerEventsCarryTheEInvoicingFields() {
        String customerId = customer(", \"peppolParticipant\": {\"scheme\": \"0088\", \"value\": \"4000001000005\"},"
                + " \"buyerReference\": \"04011000-12345-06\", \"einvoiceFormat\": \"factur-x\"");

        String payload = db.outboxRowFor(customerId, "customer-registered").getString("payload");
        assertThat(EventValidator.shared().validate("customer-registered", payload).isValid()).as(payload).isTrue();
        CustomerRegistered registered = EventJson.read(EventJson.readTree(payload), CustomerRegistered.class);
        assertThat(registered.buyerReference()).isEqualTo("04011000-12345-06");
        assertThat(registered.peppolParticipant()).isEqualTo(new PeppolParticipant("0088", "4000001000005"));
        assertThat(registered.einvoiceFormat()).isEqualTo("factur-x");

        String plain = customer("");
        JsonNode without = EventJson.readTree(db.outboxRowFor(plain, "customer-registered").getString("payload"));
        assertThat(without.has("buyerReference") || without.has("peppolParticipant") || without.has("einvoiceFormat"))
                .as("absent fields are left out, as before: %s", without).isFalse();
    }

    @Test
    void servesFacturXAsAPdfCarryingTheCiiInvoiceAndCreditNote() {
        String customerId = customer(", \"taxId\": \"DE811569869\", \"buyerReference\": \"04011000-12345-06\"");
        String invoiceId = invoice(customerId, "");

        var served = given().queryParam("format", "factur-x").when().get("/invoices/" + invoiceId + "/einvoice")
                .then().statusCode(200).contentType("application/pdf").extract();
        assertThat(served.header("Content-Disposition")).endsWith(".pdf\"");
        byte[] pdf = served.asByteArray();
        assertThat(FacturXValidators.errors(pdf)).isEmpty();
        Xml cii = new Xml(FacturXValidators.embeddedXml(pdf));
        assertThat(cii.text("//ram:BuyerReference")).isEqualTo("04011000-12345-06");
        assertThat(cii.text("//ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID")).isEqualTo("DE811569869");

        String etag = given().when().get("/invoices/" + invoiceId).then().extract().header("ETag");
        String creditNoteId = given().contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"full\": true, \"reasonCode\": \"GOODWILL\"}").when()
                .post("/invoices/" + invoiceId + "/credit-notes").then().statusCode(201).extract().path("id");
        byte[] creditNote = given().queryParam("format", "factur-x").when()
                .get("/credit-notes/" + creditNoteId + "/einvoice").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(FacturXValidators.errors(creditNote)).isEmpty();
        assertThat(new Xml(FacturXValidators.embeddedXml(creditNote)).text("//rsm:ExchangedDocument/ram:TypeCode"))
                .isEqualTo("381");
    }

    @Test
    void refusesWhatAFormatCannotBeValidInNamingTheFields() {
        // no VAT id, no participant, no buyer reference, no PO number
        String invoiceId = invoice(customer(""), "");
        given().when().get("/invoices/" + invoiceId + "/ubl")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/missing-billing-data"))
                .body("errors.field", hasItem("peppolParticipant"))
                .body("errors.field", hasItem("buyerReference"));
        given().queryParam("format", "xrechnung-3").when().get("/invoices/" + invoiceId + "/einvoice")
                .then().statusCode(422).body("errors.field", hasItem("buyerReference"));
        given().queryParam("format", "factur-y").when().get("/invoices/" + invoiceId + "/einvoice")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));

        String withPo = invoice(customer(""), ", \"poNumber\": \"PO-1\"");
        given().queryParam("format", "en16931-ubl").when().get("/invoices/" + withPo + "/einvoice")
                .then().statusCode(200).contentType("application/xml");
    }

    @Test
    void refusesAThreeDecimalCurrencyWithItsOwnProblemType() {
        String customerId = given().contentType(ContentType.JSON)
                .body("""
                        {"legalName": "Dinar %d", "currency": "KWD", "taxId": "DE811569869", "paymentTerms": {"type": "NET", "days": 30},
                         %s}"""
                        .formatted(System.nanoTime(), ADDRESS))
                .when().post("/customers").then().statusCode(201).extract().path("id");
        String invoiceId = given().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "%s", "poNumber": "PO-9", "lines": [{"description": "Service", "quantity": "1", "unitPrice": "100.125", "taxRate": "0"}]}"""
                        .formatted(customerId))
                .when().post("/invoices").then().statusCode(201).extract().path("id");
        given().when().get("/invoices/" + invoiceId + "/einvoice")
                .then().statusCode(422)
                .body("type", equalTo("https://receivables.io/problems/currency-not-supported-by-format"))
                .body("errors[0].field", equalTo("currency"));
        given().when().get("/invoices/" + invoiceId + "/pdf").then().statusCode(200);
    }
}
