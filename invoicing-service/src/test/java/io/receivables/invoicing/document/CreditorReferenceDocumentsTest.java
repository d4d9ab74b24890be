package io.receivables.invoicing.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.CreditorReference;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.json.EventJson;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;

/**
 * Every document of an invoice carries its ISO 11649 creditor reference: the PDF (in groups of four), the UBL
 * {@code PaymentID} and the CII {@code PaymentReference} (electronic form), each still valid. The reference is the one
 * payments derives from the number in invoice-issued ({@code CreditorReference.of}) and matches a payment quoting it by,
 * so money that quotes what the invoice prints is applied to exactly that invoice.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class CreditorReferenceDocumentsTest {

    @Inject
    InvoicingDatabase db;

    @Test
    void thePdfTheUblAndTheCiiOfAnInvoiceCarryTheReferencePaymentsMatches() {
        String customerId = given().contentType(ContentType.JSON).body("""
                {"legalName": "Referenced %d", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30},
                 "taxId": "DE811569869", "buyerReference": "04011000-12345-06",
                 "peppolParticipant": {"scheme": "0088", "value": "4000001000005"},
                 "billingAddress": {"line1": "Hafenweg 12", "city": "Hamburg", "postalCode": "20457", "country": "DE"}}"""
                .formatted(System.nanoTime()))
                .when().post("/customers").then().statusCode(201).extract().path("id");
        String invoiceId = given().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "%s", "lines": [{"description": "Service", "quantity": "1", "unitPrice": "100.00", "taxRate": "0.19"}]}"""
                        .formatted(customerId))
                .when().post("/invoices").then().statusCode(201).extract().path("id");
        InvoiceIssued issued = EventJson.read(db.outboxRowFor(invoiceId, "invoice-issued").getString("payload"),
                InvoiceIssued.class);
        // what payments stores for the invoice (receivable_invoice.creditor_reference) and compares a payment's with
        String matched = CreditorReference.of(issued.invoiceNumber());
        assertThat(matched).startsWith("RF").endsWith(CreditorReference.alphanumeric(issued.invoiceNumber()));

        String pdf = PdfText.of(given().when().get("/invoices/" + invoiceId + "/pdf").then().statusCode(200)
                .extract().asByteArray()).flowing();
        assertThat(pdf).contains("quoting the payment reference " + printed(matched) + ".");
        assertThat(CreditorReference.parse(printed(matched))).as("the printed form, as a payer types it")
                .contains(matched);

        assertUblCarries(invoiceId, "peppol-bis-3", PhiveValidators.PEPPOL_INVOICE, matched);
        assertUblCarries(invoiceId, "xrechnung-3", PhiveValidators.XRECHNUNG_INVOICE, matched);

        byte[] cii = einvoice(invoiceId, "xrechnung-3-cii");
        assertThat(new Xml(cii).text("//ram:ApplicableHeaderTradeSettlement/ram:PaymentReference")).isEqualTo(matched);
        assertThat(PhiveValidators.XRECHNUNG_CII.errors(cii)).isEmpty();

        byte[] facturX = einvoice(invoiceId, "factur-x");
        assertThat(FacturXValidators.errors(facturX)).isEmpty();
        assertThat(new Xml(FacturXValidators.embeddedXml(facturX))
                .text("//ram:ApplicableHeaderTradeSettlement/ram:PaymentReference")).isEqualTo(matched);
        assertThat(PdfText.of(facturX).flowing()).contains("quoting the payment reference " + printed(matched));
    }

    @Test
    void aCreditNoteKeepsItsOwnNumberAsReferenceSinceNobodyPaysIt() {
        String customerId = given().contentType(ContentType.JSON).body("""
                {"legalName": "Credited %d", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30},
                 "taxId": "DE811569869", "buyerReference": "04011000-12345-06",
                 "billingAddress": {"line1": "Hafenweg 12", "city": "Hamburg", "postalCode": "20457", "country": "DE"}}"""
                .formatted(System.nanoTime()))
                .when().post("/customers").then().statusCode(201).extract().path("id");
        String invoiceId = given().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "%s", "lines": [{"description": "Service", "quantity": "1", "unitPrice": "100.00", "taxRate": "0.19"}]}"""
                        .formatted(customerId))
                .when().post("/invoices").then().statusCode(201).extract().path("id");
        String etag = given().when().get("/invoices/" + invoiceId).then().extract().header("ETag");
        var creditNote = given().contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"full\": true, \"reasonCode\": \"GOODWILL\"}").when()
                .post("/invoices/" + invoiceId + "/credit-notes").then().statusCode(201).extract().jsonPath();
        byte[] ubl = given().queryParam("format", "xrechnung-3").when()
                .get("/credit-notes/" + creditNote.getString("id") + "/einvoice").then().statusCode(200).extract()
                .asByteArray();
        assertThat(new Xml(ubl).text("//cac:PaymentMeans/cbc:PaymentID")).isEqualTo(creditNote.getString("number"));
        assertThat(PhiveValidators.XRECHNUNG_CREDIT_NOTE.errors(ubl)).isEmpty();
    }

    private static void assertUblCarries(String invoiceId, String format, PhiveValidators validator,
            String reference) {
        byte[] ubl = einvoice(invoiceId, format);
        assertThat(new Xml(ubl).text("/inv:Invoice/cac:PaymentMeans/cbc:PaymentID")).as(format).isEqualTo(reference);
        assertThat(validator.errors(ubl)).as(format).isEmpty();
    }

    private static byte[] einvoice(String invoiceId, String format) {
        return given().queryParam("format", format).when().get("/invoices/" + invoiceId + "/einvoice").then()
                .statusCode(200).extract().asByteArray();
    }

    /** The paper form, written out here rather than by the code under test: groups of four. */
    private static String printed(String reference) {
        return reference.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
