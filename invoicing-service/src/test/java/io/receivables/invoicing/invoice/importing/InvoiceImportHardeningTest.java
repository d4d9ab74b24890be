package io.receivables.invoicing.invoice.importing;

import static io.receivables.invoicing.invoice.importing.InvoiceImportTest.customer;
import static io.receivables.invoicing.invoice.importing.InvoiceImportTest.importCsv;
import static io.receivables.invoicing.invoice.importing.InvoiceImportTest.importNdjson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.response.Response;

/**
 * An import never answers 500 once rows are committed: every row is checked against every limit before the first is
 * written, and each bad one is reported by line, with nothing written for it.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class InvoiceImportHardeningTest {

    @Inject
    InvoicingDatabase db;

    @Test
    void ndjsonAcceptsEveryFieldOfPostInvoicesAndRejectsANullLine() {
        String customer = customer(null);
        String number = "NDX-" + System.nanoTime();
        String ndjson = String.join("\n",
                """
                        {"externalNumber": "%s", "customerId": "%s", "issueDate": "2021-06-01", "currency": "EUR",
                        "paymentTerms": {"type": "NET", "days": 30, "discountDays": 10, "discountRate": "0.02"},
                        "poNumber": "PO-9", "billingPeriod": {"start": "2021-05-01", "end": "2021-05-31"},
                        "notes": "Thanks", "paymentInstructions": "Quote the number", "draft": false,
                        "lines": [{"description": "May", "quantity": "1", "unitPrice": "10.00", "taxRate": "0.19"}]}"""
                        .formatted(number, customer).replace("\n", " "),
                "null",
                """
                        {"externalNumber": "%s-D", "customerId": "%s", "issueDate": "2021-06-01", "draft": true,
                        "lines": [{"description": "May", "quantity": "1", "unitPrice": "10.00", "taxRate": "0.19"}]}"""
                        .formatted(number, customer).replace("\n", " "));

        Response report = importNdjson(ndjson);

        report.then().statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(2));
        List<Map<String, Object>> rows = report.path("rows");
        assertThat(rows).extracting(r -> r.get("line") + " " + r.get("status"))
                .containsExactly("1 ACCEPTED", "2 REJECTED", "3 REJECTED");
        assertThat(fields(rows.get(1))).containsExactly("line");
        assertThat(fields(rows.get(2))).containsExactly("draft");
        given().when().get("/invoices/" + rows.get(0).get("invoiceId")).then().statusCode(200)
                .body("number", equalTo(number)).body("notes", equalTo("Thanks"))
                .body("paymentInstructions", equalTo("Quote the number"))
                .body("billingPeriod.start", equalTo("2021-05-01")).body("discountAmount", equalTo("0.24"));
    }

    @Test
    void rowsBeyondAnyLimitAreRejectedByLineAndTheGoodOnesImportedWithoutA500() {
        String customer = customer(null);
        String run = "LIM-" + System.nanoTime() + "-";
        long invoices = db.count("invoice");
        long outbox = db.count("outbox");
        String ndjson = String.join("\n",
                row(run + "1", customer, "2021-01-04", "\"1\"", "\"10.00\"", "Good"),
                row(run + "2", customer, "2021-01-04", "\"10000000000000\"", "\"1\"", "Quantity beyond the column"),
                row(run + "3", customer, "2021-01-04", "\"1000\"", "\"9999999999999\"", "Amount beyond the column"),
                row(run + "4", customer, "2999-12-31", "\"1\"", "\"1\"", "Due date computed beyond 2999"),
                row(run + "5", customer, "9999-12-31", "\"1\"", "\"1\"", "Issue date beyond 2999"),
                row(run + "6", customer, "2021-01-04", "\"1\"", "\"1\"", "Nul \\u0000 in text"),
                row(run + "7", customer, "2021-01-04", "1", "\"1\"", "Quantity as a number"),
                row(run + "8", customer, "2021-01-05", "\"2\"", "\"10.00\"", "Good too"));

        Response report = importNdjson(ndjson);

        report.then().statusCode(200).body("accepted", equalTo(2)).body("rejected", equalTo(6));
        List<Map<String, Object>> rows = report.path("rows");
        assertThat(rows).extracting(r -> r.get("line") + " " + r.get("status")).containsExactly("1 ACCEPTED",
                "2 REJECTED", "3 REJECTED", "4 REJECTED", "5 REJECTED", "6 REJECTED", "7 REJECTED", "8 ACCEPTED");
        assertThat(fields(rows.get(1))).containsExactly("lines[0].quantity");
        assertThat(fields(rows.get(2))).containsExactly("lines[0].unitPrice");
        assertThat(fields(rows.get(3))).containsExactly("dueDate");
        assertThat(fields(rows.get(4))).containsExactly("issueDate");
        assertThat(fields(rows.get(5))).containsExactly("lines[0].description");
        assertThat(fields(rows.get(6))).containsExactly("lines[0].quantity");
        assertThat(db.count("invoice")).isEqualTo(invoices + 2);
        assertThat(db.count("outbox")).isEqualTo(outbox + 2);
    }

    @Test
    void aCsvRowWithAStrayQuoteOrANulIsRejectedAndTheOthersImported() {
        String customer = customer(null);
        String run = "CSVQ-" + System.nanoTime() + "-";
        long invoices = db.count("invoice");
        String csv = InvoiceImportTest.HEADER
                + run + "1," + customer + ",2021-02-01,,,,Cable 5\" long,1,1.00,0\n"
                + run + "2," + customer + ",2021-02-01,,,,\"Fine, quoted\",1,1.00,0\n"
                + run + "3," + customer + ",2021-02-01,,,,Nul \u0000,1,1.00,0\n"
                + run + "4," + customer + ",9999-12-31,,,,Late,1,1.00,0\n"
                + run + "2,,,,,,\"Second line\" of 2,1,1.00,0\n";

        Response report = importCsv(csv);

        report.then().statusCode(200).body("accepted", equalTo(0)).body("rejected", equalTo(4));
        List<Map<String, Object>> rows = report.path("rows");
        assertThat(fields(rows.get(0))).containsExactly("line");
        assertThat(fields(rows.get(1))).containsExactly("line");
        assertThat(fields(rows.get(2))).containsExactly("description");
        assertThat(fields(rows.get(3))).containsExactly("issueDate");
        assertThat(db.count("invoice")).isEqualTo(invoices);
    }

    private static String row(String number, String customer, String issueDate, String quantity, String unitPrice,
            String description) {
        return """
                {"externalNumber": "%s", "customerId": "%s", "issueDate": "%s", "lines": [{"description": "%s",
                 "quantity": %s, "unitPrice": %s, "taxRate": "0.19"}]}""".formatted(number, customer, issueDate,
                description, quantity, unitPrice).replace("\n", "");
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> row) {
        return ((List<Map<String, Object>>) row.get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }
}
