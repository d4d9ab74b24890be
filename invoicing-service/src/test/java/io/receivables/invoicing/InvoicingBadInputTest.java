package io.receivables.invoicing;

import static io.receivables.common.testing.BadInputContract.BadRequest.get;
import static io.receivables.common.testing.BadInputContract.BadRequest.post;
import static io.receivables.common.testing.BadInputContract.BadRequest.put;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.BadInputContract;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;

/**
 * The probe's hostile requests against every invoicing endpoint that takes input: each gets a 4xx problem naming the
 * field and writes nothing (see {@link BadInputContract}).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class InvoicingBadInputTest extends BadInputContract {

    private static final String LINE = """
            {"description": "Consulting", "quantity": "1", "unitPrice": "100.00", "taxRate": "0.19"}""";

    private static Map<String, String> fixtures;

    @Override
    protected List<String> writtenTables() {
        return List.of("customer", "invoice", "invoice_line", "credit_note", "credit_note_line", "billing_schedule",
                "billing_schedule_run", "idempotency_key");
    }

    @Override
    protected String bodyTarget() {
        return "/customers";
    }

    @Override
    protected Map<String, String> fixtures() {
        if (fixtures == null) {
            String customer = given().contentType(ContentType.JSON).body("""
                    {"legalName": "Bad Input GmbH", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30}}""")
                    .post("/customers").then().statusCode(201).extract().path("id");
            String invoice = given().contentType(ContentType.JSON).body("""
                    {"customerId": "%s", "issueDate": "2026-03-02", "lines": [%s]}""".formatted(customer, LINE))
                    .post("/invoices").then().statusCode(201).extract().path("id");
            String draft = given().contentType(ContentType.JSON).body("""
                    {"customerId": "%s", "draft": true, "lines": [%s]}""".formatted(customer, LINE))
                    .post("/invoices").then().statusCode(201).extract().path("id");
            fixtures = Map.of("customer", customer, "invoice", invoice, "draft", draft);
        }
        return fixtures;
    }

    @Override
    protected List<BadRequest> badRequests() {
        List<BadRequest> cases = new ArrayList<>();
        cases.addAll(customers());
        cases.addAll(invoices());
        cases.addAll(drafts());
        cases.addAll(lifecycle());
        cases.addAll(creditNotes());
        cases.addAll(schedules());
        cases.addAll(lists());
        cases.addAll(imports());
        return cases;
    }

    private static String customer(String fields) {
        return """
                {"legalName": "Probe AG", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30}%s}"""
                .formatted(fields);
    }

    private static String invoice(String fields) {
        return """
                {"customerId": "${customer}", "lines": [%s]%s}""".formatted(LINE, fields);
    }

    private static String invoiceWithLine(String line) {
        return """
                {"customerId": "${customer}", "issueDate": "2026-03-02", "lines": [%s]}""".formatted(line);
    }

    private static List<BadRequest> customers() {
        return List.of(
                post("/customers", """
                        {"legalName": "Nul\\u0000 GmbH", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30}}""")
                        .named("NUL in a text field").rejects("legalName"),
                post("/customers", customer(", \"billingAddress\": {\"line1\": \"a\\u0000\", \"city\": \"Berlin\","
                        + " \"country\": \"DE\"}")).named("NUL in a nested text field").rejects("billingAddress.line1"),
                post("/customers", customer(", \"creditLimit\": \"1000000000000000\""))
                        .named("credit limit of 10^15, beyond NUMERIC(19, 4)").rejects("creditLimit"),
                post("/customers", """
                        {"legalName": "A", "legalName": "B", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30}}""")
                        .named("duplicate key").rejects("legalName"),
                post("/customers", """
                        {"legalName": "A", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30, "days": 10}}""")
                        .named("duplicate nested key").rejects("paymentTerms.days"),
                post("/customers", """
                        {"legalName": "A", "currency": "EUR", "paymentTerms": {"type": 1, "days": 30}}""")
                        .named("enum as its ordinal").rejects("paymentTerms.type"),
                post("/customers", """
                        {"legalName": "A", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 45.9}}""")
                        .named("fraction for an integer").rejects("paymentTerms.days"),
                post("/customers", """
                        {"legalName": "A", "currency": "EUR", "paymentTerms": {"type": "NET", "days": "30"}}""")
                        .named("string for an integer").rejects("paymentTerms.days"),
                post("/customers", customer(", \"contacts\": [{\"name\": \"A\", \"primary\": \"true\"}]"))
                        .named("string for a boolean").rejects("contacts[0].primary"),
                post("/customers", customer(", \"contacts\": [{\"name\": \"A\", \"primary\": 1}]"))
                        .named("number for a boolean").rejects("contacts[0].primary"),
                post("/customers", customer(", \"doNotDun\": {\"reason\": \"x\", \"until\": \"\"}"))
                        .named("empty string for a date").rejects("doNotDun.until"),
                post("/customers", customer(", \"doNotDun\": {\"reason\": \"x\", \"until\": \"9999-12-31\"}"))
                        .named("date after 2999-12-31").rejects("doNotDun.until"),
                put("/customers/${customer}", customer("")).header("If-Match", "W/\"0\"")
                        .named("weak ETag never matches an update").expect(412, "precondition-failed", null),
                put("/customers/${customer}", customer("")).header("If-Match", "\"0\" \"1\"")
                        .named("If-Match that is not a list of ETags").rejects("If-Match"),
                put("/customers/${customer}", customer("")).header("If-Match", "\"7\", \"8\"")
                        .named("list of ETags none of which is current").expect(412, "precondition-failed", null),
                put("/customers/${customer}", customer(", \"taxId\": \"DE\\u0000\"")).header("If-Match", "*")
                        .named("NUL in a replaced profile").rejects("taxId"));
    }

    private static List<BadRequest> invoices() {
        return List.of(
                post("/invoices", invoiceWithLine("""
                        {"description": "a\\u0000b", "quantity": "1", "unitPrice": "1", "taxRate": "0"}"""))
                        .named("NUL in a line description").rejects("lines[0].description"),
                post("/invoices", invoice(", \"poNumber\": \"\\u0000\"")).named("NUL in the PO number")
                        .rejects("poNumber"),
                post("/invoices", invoiceWithLine("""
                        {"description": "a", "quantity": "10000000000000", "unitPrice": "1", "taxRate": "0"}"""))
                        .named("quantity of 10^13, beyond NUMERIC(19, 6)").rejects("lines[0].quantity"),
                post("/invoices", invoiceWithLine("""
                        {"description": "a", "quantity": "1", "unitPrice": "1000000000000000", "taxRate": "0"}"""))
                        .named("unit price of 10^15").rejects("lines[0].unitPrice"),
                post("/invoices", invoiceWithLine("""
                        {"description": "a", "quantity": "1000", "unitPrice": "9999999999999", "taxRate": "0"}"""))
                        .named("line amount beyond NUMERIC(19, 4)").rejects("lines[0].unitPrice"),
                post("/invoices", invoiceWithLine("""
                        {"description": "a", "quantity": "1.1234567", "unitPrice": "1", "taxRate": "0"}"""))
                        .named("quantity with 7 decimals").rejects("lines[0].quantity"),
                post("/invoices", """
                        {"customerId": "${customer}", "lines": [%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s]}"""
                        .formatted(bigLines(11))).named("total beyond NUMERIC(19, 4)").rejects("lines"),
                post("/invoices", invoice(", \"issueDate\": \"9999-12-31\"")).named("issue date 9999-12-31")
                        .rejects("issueDate"),
                post("/invoices", invoice(", \"issueDate\": \"0000-01-01\"")).named("issue date 0000-01-01")
                        .rejects("issueDate"),
                post("/invoices", invoice(", \"issueDate\": \"1582-10-10\""))
                        .named("issue date in the Gregorian gap").rejects("issueDate"),
                post("/invoices", invoice(", \"issueDate\": \"2999-12-31\""))
                        .named("computed due date after 2999-12-31").rejects("dueDate"),
                post("/invoices", invoice(", \"issueDate\": \"2999-12-31\", \"paymentTerms\": {\"type\": \"NET\","
                        + " \"days\": 0, \"discountDays\": 0, \"discountRate\": \"0.01\"}, \"dueDate\": \"3000-01-01\""))
                        .named("due date after 2999-12-31").rejects("dueDate"),
                post("/invoices", invoice(", \"issueDate\": [2026, 3, 2]")).named("date as an array")
                        .rejects("issueDate"),
                post("/invoices", invoice(", \"issueDate\": \"2026-03-02T10:00:00\"")).named("date as a date-time")
                        .rejects("issueDate"),
                post("/invoices", invoice(", \"issueDate\": \"\"")).named("empty string for a date (not today)")
                        .rejects("issueDate"),
                post("/invoices", invoice(", \"issueDate\": 20000")).named("date as epoch days")
                        .rejects("issueDate"),
                post("/invoices", invoice(", \"paymentTerms\": {\"type\": 0, \"days\": 30}"))
                        .named("terms type as ordinal").rejects("paymentTerms.type"),
                post("/invoices", invoice(", \"billingPeriod\": {\"start\": \"1899-12-31\", \"end\": \"2026-01-01\"}"))
                        .named("billing period before 1900").rejects("billingPeriod.start"),
                post("/invoices", """
                        {"customerId": "${customer}", "lines": [{"description": "a", "quantity": "1", "quantity": "2",
                         "unitPrice": "1", "taxRate": "0"}]}""").named("duplicate key in a line")
                        .rejects("lines[0].quantity"),
                post("/invoices/batch", """
                        {"invoices": [%s, %s]}""".formatted(invoice(""), invoice(", \"issueDate\": \"9999-12-31\"")))
                        .named("one invoice of a batch out of range").rejects("invoices[1].issueDate"),
                post("/invoices/batch", """
                        {"invoices": [%s, %s]}""".formatted(invoice(""), invoice(", \"issueDate\": \"2999-12-20\"")))
                        .named("computed due date of a batch invoice").rejects("invoices[1].dueDate"));
    }

    private static Object[] bigLines(int count) {
        Object[] lines = new Object[count];
        for (int i = 0; i < count; i++) {
            lines[i] = """
                    {"description": "big", "quantity": "99", "unitPrice": "9999999999999", "taxRate": "0"}""";
        }
        return lines;
    }

    private static List<BadRequest> drafts() {
        return List.of(
                post("/invoices", invoice(", \"draft\": true, \"issueDate\": \"2999-12-20\""))
                        .named("draft whose computed due date issuing would refuse").rejects("dueDate"),
                post("/invoices", invoice(", \"draft\": \"true\"")).named("string for draft").rejects("draft"),
                put("/invoices/${draft}", invoice(", \"draft\": true, \"issueDate\": \"2999-12-20\""))
                        .header("If-Match", "\"0\"").named("changed draft that issuing would refuse")
                        .rejects("dueDate"),
                put("/invoices/${draft}", invoice(", \"draft\": true")).header("If-Match", "W/\"0\"")
                        .named("weak ETag on a draft change").expect(412, "precondition-failed", null),
                put("/invoices/${draft}", invoice(", \"notes\": \"\\u0000\"")).header("If-Match", "\"0\"")
                        .named("NUL in notes").rejects("notes"),
                post("/invoices/${draft}/issue", null).header("If-Match", "W/\"0\"")
                        .named("weak ETag on issuing a draft").expect(412, "precondition-failed", null));
    }

    private static List<BadRequest> lifecycle() {
        return List.of(
                post("/invoices/${invoice}/void", "{\"reasonCode\": 0}").header("If-Match", "\"0\"")
                        .named("reason code as ordinal").rejects("reasonCode"),
                post("/invoices/${invoice}/void", "{\"reasonCode\": \"DUPLICATE\"}").header("If-Match", "W/\"0\"")
                        .named("weak ETag on void").expect(412, "precondition-failed", null),
                post("/invoices/${invoice}/void", "{\"reasonCode\": \"DUPLICATE\"}").header("If-Match", "0")
                        .named("unquoted ETag").rejects("If-Match"),
                post("/invoices/${invoice}/void", "{\"reasonCode\": \"DUPLICATE\", \"note\": \"\\u0000\"}")
                        .header("If-Match", "\"0\"").named("NUL in a void note").rejects("note"),
                post("/invoices/${invoice}/write-off", "{\"reasonCode\": \"OTHER\", \"writeOffDate\": \"9999-12-31\"}")
                        .header("If-Match", "\"0\"").named("write-off date out of range").rejects("writeOffDate"));
    }

    private static List<BadRequest> creditNotes() {
        return List.of(
                post("/invoices/${invoice}/credit-notes", """
                        {"reasonCode": "OTHER", "lines": [{"description": "\\u0000", "quantity": "1", "unitPrice": "1",
                         "taxRate": "0.19"}]}""").header("If-Match", "\"0\"").named("NUL in a credit line")
                        .rejects("lines[0].description"),
                post("/invoices/${invoice}/credit-notes", "{\"reasonCode\": \"OTHER\", \"full\": \"true\"}")
                        .header("If-Match", "\"0\"").named("string for full").rejects("full"),
                post("/invoices/${invoice}/credit-notes", "{\"reasonCode\": 1, \"full\": true}")
                        .header("If-Match", "\"0\"").named("reason code as ordinal").rejects("reasonCode"),
                post("/invoices/${invoice}/credit-notes", """
                        {"reasonCode": "OTHER", "full": true, "issueDate": "0000-01-01"}""").header("If-Match", "\"0\"")
                        .named("credit note dated year 0").rejects("issueDate"),
                post("/invoices/${invoice}/credit-notes", """
                        {"reasonCode": "OTHER", "lines": [{"description": "a", "quantity": "10000000000000",
                         "unitPrice": "1", "taxRate": "0.19"}]}""").header("If-Match", "\"0\"")
                        .named("credit quantity beyond the column").rejects("lines[0].quantity"),
                post("/invoices/${invoice}/credit-notes", "{\"reasonCode\": \"OTHER\", \"full\": true}")
                        .header("If-Match", "W/\"0\"").named("weak ETag on a credit note")
                        .expect(412, "precondition-failed", null));
    }

    private static String schedule(String fields) {
        return """
                {"customerId": "${customer}", "frequency": "MONTHLY", "anchorDay": 1, "lines": [%s]%s}"""
                .formatted(LINE, fields);
    }

    private static List<BadRequest> schedules() {
        return List.of(
                post("/billing-schedules", schedule(", \"startDate\": \"2999-12-02\""))
                        .named("first period after 2999-12-31").rejects("startDate"),
                post("/billing-schedules", schedule(", \"startDate\": \"2999-12-01\", \"paymentTerms\": {\"type\": \"NET\","
                        + " \"days\": 31}"))
                        .named("first period's computed due date after 2999-12-31").rejects("paymentTerms"),
                post("/billing-schedules", schedule(", \"startDate\": \"0000-01-01\"")).named("start in year 0")
                        .rejects("startDate"),
                post("/billing-schedules", """
                        {"customerId": "${customer}", "frequency": "MONTHLY", "anchorDay": "1", "startDate": "2026-01-01",
                         "lines": [%s]}""".formatted(LINE)).named("string for anchorDay").rejects("anchorDay"),
                post("/billing-schedules", """
                        {"customerId": "${customer}", "frequency": 0, "anchorDay": 1, "startDate": "2026-01-01",
                         "lines": [%s]}""".formatted(LINE)).named("frequency as ordinal").rejects("frequency"),
                post("/billing-schedules", schedule(", \"startDate\": \"2026-01-01\", \"poNumber\": \"\\u0000\""))
                        .named("NUL in the PO number").rejects("poNumber"));
    }

    private static List<BadRequest> lists() {
        String nulCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("[\"a\\u0000\", \"00000000-0000-0000-0000-000000000000\"]"
                        .getBytes(StandardCharsets.UTF_8));
        return List.of(
                get("/customers?limit=abc").named("limit not a number").rejects("limit"),
                get("/customers?limit=0").named("limit 0").rejects("limit"),
                get("/customers?limit=501").named("limit above 500").rejects("limit"),
                get("/customers?cursor=" + nulCursor).named("cursor holding a NUL").rejects("cursor"),
                get("/customers?segment=%00").named("NUL in a query parameter").rejects("segment"),
                get("/invoices?limit=abc").named("limit not a number").rejects("limit"),
                get("/invoices?limit=0").named("limit 0").rejects("limit"),
                get("/invoices?cursor=%00").named("NUL in the cursor").rejects("cursor"),
                get("/invoices?cursor=" + nulCursor).named("cursor holding a NUL").rejects("cursor"),
                get("/invoices?issuedFrom=0000-01-01").named("date out of range").rejects("issuedFrom"),
                get("/billing-schedules?limit=abc").named("limit not a number").rejects("limit"),
                get("/billing-schedules?limit=-1").named("negative limit").rejects("limit"),
                get("/customers/${customer}/statement?asOf=9999-12-31").named("statement date out of range")
                        .rejects("asOf"));
    }

    private static List<BadRequest> imports() {
        return List.of(
                post("/invoices/import", "externalNumber,customerId,issueDate,description,quantity,unitPrice,bogus\n")
                        .contentType("text/csv").named("unknown CSV column").rejects("bogus"),
                post("/invoices/import", "").contentType("application/x-ndjson").named("empty NDJSON")
                        .rejects("body"));
    }
}
