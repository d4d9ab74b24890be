package io.receivables.invoicing.document;

import static io.receivables.invoicing.creditnote.CreditNoteFixtures.credit;
import static io.receivables.invoicing.creditnote.CreditNoteFixtures.issueInvoice;
import static io.receivables.invoicing.creditnote.CreditNoteFixtures.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.events.LateFeeAssessed;
import io.receivables.invoicing.InTransaction;
import io.receivables.invoicing.balance.consumer.DunningEventsConsumer;
import io.receivables.invoicing.invoice.service.FeeInvoiceService;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Credit notes and fee invoices as the documents a customer receives, valid by the official rules. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class CreditNoteDocumentResourceTest {

    @Inject
    FeeInvoiceService fees;

    @Inject
    Pool pool;

    /** A part credit, then the rest: the second credit note has lines split by tax rate. */
    private static JsonPath[] invoiceCreditedInTwoSteps() {
        JsonPath invoice = issueInvoice(registerCustomer(), "2026-05-04");
        String id = invoice.getString("id");
        JsonPath first = credit(id, "\"0\"",
                """
                        {"reasonCode": "RETURNED_GOODS", "note": "Handbook returned",
                         "lines": [{"description": "Printed handbook, returned", "quantity": "1", "unitPrice": "50.00", "taxRate": "0.07"}]}""")
                .then().statusCode(201).extract().jsonPath();
        JsonPath rest = credit(id, "\"1\"", """
                {"reasonCode": "GOODWILL", "full": true}""").then().statusCode(201).extract().jsonPath();
        return new JsonPath[] { invoice, first, rest };
    }

    @Test
    void servesThePdfWithTheCreditNoteNumberAndTheCreditedInvoice() {
        JsonPath[] documents = invoiceCreditedInTwoSteps();
        String number = documents[1].getString("number");

        byte[] pdf = given().when().get("/credit-notes/" + documents[1].getString("id") + "/pdf")
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("inline; filename=\"" + number + ".pdf\""))
                .extract().asByteArray();

        assertThat(PdfText.of(pdf).flowing()).contains("CREDIT NOTE", number, documents[0].getString("number"),
                "Printed handbook, returned", "53.50", "Handbook returned");
    }

    @Test
    void servesASchemaValidPeppolCreditNoteReferencingTheCreditedInvoice() {
        JsonPath[] documents = invoiceCreditedInTwoSteps();
        for (JsonPath note : new JsonPath[] { documents[1], documents[2] }) {
            byte[] ubl = given().when().get("/credit-notes/" + note.getString("id") + "/ubl")
                    .then().statusCode(200).contentType("application/xml")
                    .header("Content-Disposition", equalTo("inline; filename=\"" + note.getString("number") + ".xml\""))
                    .extract().asByteArray();

            assertThat(UblSchemas.violations(UblSchemas.CREDIT_NOTE, ubl)).isEmpty();
            assertThat(BusinessRules.EN16931.fatalViolations(ubl)).isEmpty();
            assertThat(BusinessRules.PEPPOL.fatalViolations(ubl)).isEmpty();
            Xml xml = new Xml(ubl);
            assertThat(xml.text("/cn:CreditNote/cbc:ID")).isEqualTo(note.getString("number"));
            assertThat(xml.text("/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"))
                    .isEqualTo(documents[0].getString("number"));
            assertThat(xml.text("/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate"))
                    .isEqualTo("2026-05-04");
            assertThat(xml.amount("/cn:CreditNote/cac:LegalMonetaryTotal/cbc:PayableAmount"))
                    .isEqualByComparingTo(new BigDecimal(note.getString("total")));
        }
    }

    @Test
    void aFeeInvoiceIsAValidPeppolInvoiceWithItsUntaxedLineExempt() {
        JsonPath overdue = issueInvoice(registerCustomer(), "2026-05-05");
        LateFeeAssessed fee = new LateFeeAssessed(UUID.randomUUID(), UUID.fromString(overdue.getString("customerId")),
                UUID.fromString(overdue.getString("id")), "EUR", new BigDecimal("40.00"),
                LateFeeAssessed.Kind.FIXED_FEE, null, 31, LocalDate.of(2026, 7, 6), Instant.now());
        InTransaction.run(() -> fees.issueForLateFee(DunningEventsConsumer.ACTOR, fee));
        String id = pool.preparedQuery("SELECT id::text AS id FROM invoice WHERE late_fee_id = $1")
                .execute(Tuple.of(fee.lateFeeId())).await().indefinitely().iterator().next().getString("id");

        byte[] ubl = given().when().get("/invoices/" + id + "/ubl").then().statusCode(200).extract().asByteArray();

        assertThat(UblSchemas.violations(UblSchemas.INVOICE, ubl)).isEmpty();
        assertThat(BusinessRules.EN16931.fatalViolations(ubl)).isEmpty();
        assertThat(BusinessRules.PEPPOL.fatalViolations(ubl)).isEmpty();
        Xml xml = new Xml(ubl);
        assertThat(xml.text("/inv:Invoice/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID")).isEqualTo("E");
        assertThat(xml.text("/inv:Invoice/cac:InvoiceLine/cac:Item/cbc:Name"))
                .isEqualTo("Late payment fee for invoice " + overdue.getString("number"));
        assertThat(xml.amount("/inv:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount")).isEqualByComparingTo("40.00");
    }
}
