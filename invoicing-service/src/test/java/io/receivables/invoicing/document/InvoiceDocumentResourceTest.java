package io.receivables.invoicing.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** An issued invoice served as the PDF a customer reads and the UBL e-invoice its accounting system imports. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class InvoiceDocumentResourceTest {

    private static final String ADDRESS = """
            , "billingAddress": {"line1": "Hafenweg 12", "line2": "Gebäude B", "city": "Hamburg", "postalCode": "20457", "country": "DE"}""";

    static String registerCustomer(String legalName, String address) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"legalName": "%s", "taxId": "DE811569869", "currency": "EUR",
                         "paymentTerms": {"type": "NET", "days": 30, "discountDays": 10, "discountRate": "0.02"},
                         "segment": "standard", "billingEmail": "ap@kunde.example",
                         "contacts": [{"name": "Milton Waddams", "email": "milton@kunde.example", "primary": false},
                                      {"name": "Peter Gibbons", "email": "peter@kunde.example", "phone": "+49 40 1234567", "primary": true}]%s}"""
                        .formatted(legalName, address))
                .when().post("/customers")
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath issueInvoice(String customerId) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "%s", "issueDate": "2026-03-31", "poNumber": "PO-4711",
                         "lines": [{"description": "Accounts receivable platform, monthly subscription", "quantity": "1", "unitPrice": "499.00", "taxRate": "0.19"},
                                   {"description": "Onboarding workshop (hours)", "quantity": "3.5", "unitPrice": "120.00", "taxRate": "0.19"}]}"""
                        .formatted(customerId))
                .when().post("/invoices")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void servesThePdfWithNumberBuyerLinesAndTotal() {
        JsonPath invoice = issueInvoice(registerCustomer("Kunde & Söhne KG", ADDRESS));
        String number = invoice.getString("number");
        assertThat(invoice.getString("total")).isEqualTo("1093.61");

        byte[] pdf = given().when().get("/invoices/" + invoice.getString("id") + "/pdf")
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("inline; filename=\"" + number + ".pdf\""))
                .extract().asByteArray();

        String text = PdfText.of(pdf).flowing();
        assertThat(text).contains(number, "Kunde & Söhne KG", "Hafenweg 12", "20457 Hamburg",
                "Accounts receivable platform, monthly subscription", "Onboarding workshop (hours)", "1,093.61",
                "PO-4711");
    }

    @Test
    void servesASchemaValidPeppolInvoiceCarryingTheInvoiceNumberAndAmountDue() {
        JsonPath invoice = issueInvoice(registerCustomer("Kunde & Söhne KG", ADDRESS));
        String number = invoice.getString("number");

        byte[] ubl = given().when().get("/invoices/" + invoice.getString("id") + "/ubl")
                .then().statusCode(200).contentType("application/xml")
                .header("Content-Disposition", equalTo("inline; filename=\"" + number + ".xml\""))
                .extract().asByteArray();

        assertThat(UblSchemas.violations(UblSchemas.INVOICE, ubl)).isEmpty();
        assertThat(BusinessRules.EN16931.fatalViolations(ubl)).isEmpty();
        assertThat(BusinessRules.PEPPOL.fatalViolations(ubl)).isEmpty();
        Xml xml = new Xml(ubl);
        assertThat(xml.text("/inv:Invoice/cbc:ID")).isEqualTo(number);
        assertThat(xml.amount("/inv:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount"))
                .isEqualByComparingTo(new BigDecimal(invoice.getString("amountDue")));
        assertThat(xml.text("/inv:Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName"))
                .isEqualTo("Kunde & Söhne KG");
        assertThat(xml.text("/inv:Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID"))
                .isEqualTo("DE811569869");
        assertThat(xml.text("/inv:Invoice/cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:ElectronicMail"))
                .as("the primary contact's address").isEqualTo("peter@kunde.example");
        assertThat(xml.text("/inv:Invoice/cac:OrderReference/cbc:ID")).isEqualTo("PO-4711");
        assertThat(xml.count("/inv:Invoice/cac:InvoiceLine")).isEqualTo(2);
    }

    @Test
    void refusesTheEInvoiceWith422NamingTheMissingAddressButStillPrintsThePdf() {
        JsonPath invoice = issueInvoice(registerCustomer("Addressless Ltd", ""));
        String id = invoice.getString("id");

        given().when().get("/invoices/" + id + "/ubl")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/missing-billing-data"))
                .body("errors.field", hasItem("billingAddress"));

        byte[] pdf = given().when().get("/invoices/" + id + "/pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(PdfText.of(pdf).flowing()).contains(invoice.getString("number"), "Addressless Ltd");
    }

    @Test
    void answers404ProblemForAnUnknownInvoice() {
        UUID unknown = UUID.randomUUID();
        for (String document : new String[] { "pdf", "ubl" }) {
            given().when().get("/invoices/" + unknown + "/" + document)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("https://receivables.io/problems/not-found"));
        }
    }

    @Test
    void documentsBothEndpointsInOpenApi() {
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/invoices/{id}/pdf'.get.responses.'200'.content", hasKey("application/pdf"))
                .body("paths.'/invoices/{id}/ubl'.get.responses.'200'.content", hasKey("application/xml"))
                .body("paths.'/invoices/{id}/ubl'.get.responses", hasKey("422"));
    }
}
