package io.receivables.invoicing.schedule;

import static io.receivables.invoicing.schedule.ScheduleFixtures.create;
import static io.receivables.invoicing.schedule.ScheduleFixtures.get;
import static io.receivables.invoicing.schedule.ScheduleFixtures.issuedFor;
import static io.receivables.invoicing.schedule.ScheduleFixtures.run;
import static io.receivables.invoicing.schedule.ScheduleFixtures.travelTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.invoicing.MutableClock;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A schedule line's VAT exemption (E) or reverse charge (AE) is kept with the schedule and reaches every invoice it
 * issues, its event and its e-invoice; the checks of POST /invoices refuse a bad one when the schedule is created.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class ScheduleVatExemptionTest {

    private static final String EXEMPT = """
            {"description": "Training course", "quantity": "3", "unitPrice": "80.00", "taxRate": "0",
             "vatExemption": {"category": "E", "reasonCode": "VATEX-EU-132", "reason": "Exempt under Article 132 of Directive 2006/112/EC"}}""";
    private static final String REVERSE_CHARGE = """
            {"description": "Construction work", "quantity": "10", "unitPrice": "65.00", "taxRate": "0",
             "vatExemption": {"category": "AE"}}""";
    private static final String TAXED = """
            {"description": "Licence", "quantity": "1", "unitPrice": "100.00", "taxRate": "0.19"}""";

    @Inject
    MutableClock clock;

    @Inject
    InvoicingDatabase db;

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String customer(String extra) {
        return given().contentType(ContentType.JSON).body("""
                {"legalName": "Exempt subscriber %d", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30},
                 "billingAddress": {"line1": "Hafenweg 12", "city": "Hamburg", "postalCode": "20457", "country": "DE"},
                 "buyerReference": "04011000-12345-06",
                 "peppolParticipant": {"scheme": "0088", "value": "4000001000005"}%s}""".formatted(System.nanoTime(), extra))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    /** A schedule billing March 2026 only (caught up on the 10th), with {@code lines}. */
    private static String schedule(String customerId, String... lines) {
        return """
                {"customerId": "%s", "frequency": "MONTHLY", "anchorDay": 1, "startDate": "2026-03-01",
                 "endDate": "2026-03-01", "catchUpFrom": "2026-03-01", "lines": [%s]}"""
                .formatted(customerId, String.join(", ", lines));
    }

    @Test
    void exemptAndReverseChargeLinesReachTheIssuedInvoicesTheirEventsAndEInvoices() throws Exception {
        travelTo(clock, LocalDate.of(2026, 3, 10));
        String customer = customer(", \"taxId\": \"DE811569869\"");
        String exempt = create(schedule(customer, TAXED, EXEMPT));
        String reverse = create(schedule(customer, TAXED, REVERSE_CHARGE));

        get(exempt).then().statusCode(200)
                .body("lines[0].vatExemption", nullValue())
                .body("lines[1].vatExemption.category", equalTo("E"))
                .body("lines[1].vatExemption.reasonCode", equalTo("VATEX-EU-132"))
                .body("lines[1].vatExemption.reason", equalTo("Exempt under Article 132 of Directive 2006/112/EC"));
        // kept as asked: AE's default reason and code are given when a period is issued, as POST /invoices gives them
        get(reverse).then().statusCode(200)
                .body("lines[1].vatExemption.category", equalTo("AE"))
                .body("lines[1].vatExemption.reason", nullValue());
        Row stored = pool.preparedQuery("SELECT vat_category, exemption_reason, exemption_reason_code"
                + " FROM billing_schedule_line WHERE schedule_id = $1 AND line_index = 1")
                .execute(Tuple.of(UUID.fromString(exempt))).await().indefinitely().iterator().next();
        assertThat(stored.getString("vat_category")).isEqualTo("E");
        assertThat(stored.getString("exemption_reason_code")).isEqualTo("VATEX-EU-132");

        var response = run();
        List<Map<String, String>> exemptIssued = issuedFor(response, exempt);
        List<Map<String, String>> reverseIssued = issuedFor(response, reverse);
        assertThat(exemptIssued).extracting(i -> i.get("periodStart")).containsExactly("2026-03-01");
        assertThat(reverseIssued).extracting(i -> i.get("periodStart")).containsExactly("2026-03-01");

        String exemptInvoice = exemptIssued.get(0).get("invoiceId");
        given().when().get("/invoices/" + exemptInvoice).then().statusCode(200)
                .body("lines[0].vatExemption", nullValue())
                .body("lines[1].vatExemption.category", equalTo("E"))
                .body("lines[1].vatExemption.reasonCode", equalTo("VATEX-EU-132"))
                .body("lines[1].vatExemption.reason", equalTo("Exempt under Article 132 of Directive 2006/112/EC"))
                .body("taxTotal", equalTo("19.00")).body("total", equalTo("359.00"));
        String exemptXml = eInvoice(exemptInvoice);
        assertThat(exemptXml).contains("<cbc:ID>E</cbc:ID>").contains("VATEX-EU-132")
                .contains("Exempt under Article 132 of Directive 2006/112/EC").doesNotContain("<cbc:ID>Z</cbc:ID>");
        var exemptEvent = io.receivables.contracts.json.EventJson.mapper()
                .readTree(db.outboxRowFor(exemptInvoice, "invoice-issued").getString("payload"));
        assertThat(exemptEvent.at("/lines/1/vatExemption/category").asText()).isEqualTo("E");

        String reverseInvoice = reverseIssued.get(0).get("invoiceId");
        given().when().get("/invoices/" + reverseInvoice).then().statusCode(200)
                .body("lines[1].vatExemption.category", equalTo("AE"))
                .body("lines[1].vatExemption.reasonCode", equalTo("VATEX-EU-AE"))
                .body("lines[1].vatExemption.reason", equalTo("Reverse charge"))
                .body("total", equalTo("769.00"));
        assertThat(eInvoice(reverseInvoice)).contains("<cbc:ID>AE</cbc:ID>").contains("VATEX-EU-AE")
                .contains("DE811569869").doesNotContain("<cbc:ID>Z</cbc:ID>");
    }

    @Test
    void refusesAtCreationWhatIssuingItsPeriodsWouldRefuse() {
        travelTo(clock, LocalDate.of(2026, 3, 10));
        String withVatId = customer(", \"taxId\": \"DE811569869\"");
        long schedules = db.count("billing_schedule");

        // one invoice's zero-rated lines share one exemption: E and AE cannot be billed on the same invoice
        given().contentType(ContentType.JSON).body(schedule(withVatId, EXEMPT, REVERSE_CHARGE))
                .when().post("/billing-schedules").then().statusCode(400)
                .body("errors.field", equalTo(List.of("lines[1].vatExemption")));
        given().contentType(ContentType.JSON)
                .body(schedule(withVatId, TAXED.replace("\"0.19\"}", "\"0.19\", \"vatExemption\": {\"category\": \"AE\"}}"),
                        EXEMPT.replace(", \"reason\": \"Exempt under Article 132 of Directive 2006/112/EC\"", "")))
                .when().post("/billing-schedules").then().statusCode(400)
                .body("errors.field", hasItem("lines[0].vatExemption"))
                .body("errors.field", hasItem("lines[1].vatExemption.reason"));
        given().contentType(ContentType.JSON)
                .body(schedule(withVatId, REVERSE_CHARGE.replace("\"AE\"}", "\"S\"}")))
                .when().post("/billing-schedules").then().statusCode(400)
                .body("errors.field", equalTo(List.of("lines[0].vatExemption.category")));
        // reverse charge names the buyer's VAT id (BR-AE-02): refused now, not at every period
        given().contentType(ContentType.JSON).body(schedule(customer(""), REVERSE_CHARGE))
                .when().post("/billing-schedules").then().statusCode(422)
                .body("type", equalTo("https://receivables.io/problems/missing-billing-data"))
                .body("errors.field", equalTo(List.of("taxId")));

        assertThat(db.count("billing_schedule")).isEqualTo(schedules);
    }

    private static String eInvoice(String invoiceId) {
        return given().queryParam("format", "peppol-bis-3").when().get("/invoices/" + invoiceId + "/einvoice")
                .then().statusCode(200).extract().asString();
    }
}
