package io.receivables.disputes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.BadInputContract;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The probe's hostile requests against every endpoint of the disputes service: each gets a 4xx problem naming the
 * field and writes nothing. The refusals that need an invoice in the read model (voided, paid, above what is open,
 * another currency, lines it does not have) are in DisputeOpeningTest; those that need a dispute in a given state in
 * DisputeWorkflowTest.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class DisputesBadInputTest extends BadInputContract {

    static final String SOME_ID = "3f1c2a94-5d0e-4b7a-9c61-0a2b3c4d5e6f";
    static final String OPENING = """
            {"invoiceId": "%s", "disputedAmount": "10.00", "reasonCode": "PRICING", "description": "Wrong price",
             "contact": {"name": "Ana Ruiz", "email": "ap@globex.example"}%%s}""".formatted(SOME_ID);
    static final String DISPUTE = "/disputes/" + SOME_ID;

    @Override
    protected List<BadRequest> badRequests() {
        List<BadRequest> cases = new ArrayList<>(consumedEventsAdminCases());
        cases.addAll(List.of(
                // dcore (issue 11): opening, reading, workflow
                BadRequest.post("/disputes", OPENING.formatted("")).named("unknown invoice")
                        .expect(422, "unknown-reference", "invoiceId"),
                BadRequest.post("/disputes", OPENING.formatted(", \"disputedAmount\": \"11.00\""))
                        .named("duplicate key").rejects("disputedAmount"),
                BadRequest.post("/disputes", OPENING.replace("\"10.00\"", "10.00").formatted(""))
                        .named("amount as a number").rejects("disputedAmount"),
                BadRequest.post("/disputes", OPENING.replace("\"10.00\"", "\"1e3\"").formatted(""))
                        .named("amount in exponent notation").rejects("disputedAmount"),
                BadRequest.post("/disputes", OPENING.replace("\"10.00\"", "\"-5.00\"").formatted(""))
                        .named("negative amount").rejects("disputedAmount"),
                BadRequest.post("/disputes", OPENING.replace("\"10.00\"", "\"0\"").formatted(""))
                        .named("zero amount").rejects("disputedAmount"),
                BadRequest.post("/disputes", OPENING.formatted(", \"currency\": \"eur\""))
                        .named("currency in lower case").rejects("currency"),
                BadRequest.post("/disputes", OPENING.replace("PRICING", "TOO_EXPENSIVE").formatted(""))
                        .named("unknown reason code").rejects("reasonCode"),
                BadRequest.post("/disputes", OPENING.replace("PRICING", "CHARGEBACK").formatted(""))
                        .named("a chargeback opened by a user").rejects("reasonCode"),
                BadRequest.post("/disputes", OPENING.replace("\"Wrong price\"", "\"\"").formatted(""))
                        .named("empty description").rejects("description"),
                BadRequest.post("/disputes", OPENING.replace("\"Wrong price\"", "\"" + "x".repeat(2001) + "\"")
                        .formatted("")).named("description too long").rejects("description"),
                BadRequest.post("/disputes", OPENING.replace("ap@globex.example", "not-an-address").formatted(""))
                        .named("contact email not an address").rejects("contact.email"),
                BadRequest.post("/disputes", OPENING.replace(", \"email\": \"ap@globex.example\"", "").formatted(""))
                        .named("contact without email or phone").rejects("contact"),
                BadRequest.post("/disputes", OPENING.formatted(", \"disputedLines\": [0]"))
                        .named("line number 0").rejects("disputedLines[0]"),
                BadRequest.post("/disputes", OPENING.formatted(", \"disputedLines\": [2, 2]"))
                        .named("a line named twice").rejects("disputedLines[1]"),
                BadRequest.post("/disputes", OPENING.formatted(", \"disputedLines\": [\"1\"]"))
                        .named("line number as a string").rejects("disputedLines[0]"),
                BadRequest.post("/disputes", OPENING.formatted(", \"surprise\": 1")).named("unknown field")
                        .rejects("surprise"),
                BadRequest.post("/disputes", OPENING.formatted("")).header("Idempotency-Key", "")
                        .named("empty Idempotency-Key").rejects("Idempotency-Key"),
                BadRequest.get(DISPUTE).named("no such dispute").expect(404, "not-found", null),
                BadRequest.get("/disputes/42").named("dispute id not a UUID").expect(404, "not-found", null),
                BadRequest.get("/disputes?state=CLOSED").named("unknown state").rejects("state"),
                BadRequest.get("/disputes?reasonCode=TAXES").named("unknown reason filter").rejects("reasonCode"),
                BadRequest.get("/disputes?customerId=42").named("customer not a UUID").rejects("customerId"),
                BadRequest.get("/disputes?invoiceId=42").named("invoice not a UUID").rejects("invoiceId"),
                BadRequest.get("/disputes?openedBefore=yesterday").named("openedBefore not an instant")
                        .rejects("openedBefore"),
                BadRequest.get("/disputes?olderThanDays=-1").named("negative age").rejects("olderThanDays"),
                BadRequest.get("/disputes?olderThanDays=3&openedBefore=2026-11-01T00:00:00Z")
                        .named("two ages at once").rejects("olderThanDays"),
                BadRequest.get("/disputes?slaBreached=yes").named("slaBreached not a boolean").rejects("slaBreached"),
                BadRequest.get("/disputes?owner=" + "x".repeat(101)).named("owner too long").rejects("owner"),
                BadRequest.get("/disputes?cursor=abc").named("foreign cursor").rejects("cursor"),
                BadRequest.get("/disputes?limit=0").named("limit 0").rejects("limit"),
                BadRequest.post(DISPUTE + "/transitions", "{\"to\": \"UNDER_REVIEW\"}")
                        .named("transition without If-Match").expect(428, "precondition-required", "If-Match"),
                BadRequest.post(DISPUTE + "/transitions", "{\"to\": \"UNDER_REVIEW\"}").header("If-Match", "3")
                        .named("If-Match not an entity tag").rejects("If-Match"),
                BadRequest.post(DISPUTE + "/transitions", "{\"to\": \"UNDER_REVIEW\"}").header("If-Match", "\"0\"")
                        .named("transition of no such dispute").expect(404, "not-found", null),
                BadRequest.post(DISPUTE + "/transitions", "{\"to\": \"ARCHIVED\"}").header("If-Match", "\"0\"")
                        .named("unknown state").rejects("to"),
                BadRequest.post(DISPUTE + "/transitions", "{\"to\": \"RESOLVED\"}").header("If-Match", "\"0\"")
                        .named("resolution through a transition").rejects("to"),
                BadRequest.post(DISPUTE + "/transitions", "{}").header("If-Match", "\"0\"").named("no target state")
                        .rejects("to"),
                BadRequest.put(DISPUTE + "/assignment", "{\"owner\": \"j.doe\"}").header("If-Match", "\"0\"")
                        .named("assignment without a team").rejects("team"),
                BadRequest.put(DISPUTE + "/assignment", "{\"team\": \"  \"}").header("If-Match", "\"0\"")
                        .named("blank team").rejects("team"),
                BadRequest.put(DISPUTE + "/assignment", "{\"team\": \"" + "t".repeat(65) + "\"}")
                        .header("If-Match", "\"0\"").named("team too long").rejects("team"),
                BadRequest.put(DISPUTE + "/assignment", "{\"team\": \"billing\", \"owner\": \" j.doe\"}")
                        .header("If-Match", "\"0\"").named("owner with leading space").rejects("owner"),
                BadRequest.put(DISPUTE + "/assignment", "{\"team\": \"billing\"}").header("If-Match", "\"0\"")
                        .named("assignment of no such dispute").expect(404, "not-found", null),
                BadRequest.post(DISPUTE + "/resolution", "{\"outcome\": \"PARTIAL\", \"creditedAmount\": \"5.00\","
                        + " \"note\": \"Half\"}").named("resolution without If-Match")
                        .expect(428, "precondition-required", "If-Match"),
                BadRequest.post(DISPUTE + "/resolution", "{\"outcome\": \"SPLIT\", \"note\": \"Half\"}")
                        .header("If-Match", "\"0\"").named("unknown outcome").rejects("outcome"),
                BadRequest.post(DISPUTE + "/resolution", "{\"outcome\": \"COMPANY_FAVOUR\"}")
                        .header("If-Match", "\"0\"").named("resolution without a note").rejects("note"),
                BadRequest.post(DISPUTE + "/resolution", "{\"outcome\": \"PARTIAL\", \"creditedAmount\": 5,"
                        + " \"note\": \"Half\"}").header("If-Match", "\"0\"").named("credited amount as a number")
                        .rejects("creditedAmount"),
                BadRequest.post(DISPUTE + "/resolution", "{\"outcome\": \"COMPANY_FAVOUR\", \"note\": \"No\"}")
                        .header("If-Match", "\"0\"").named("resolution of no such dispute")
                        .expect(404, "not-found", null),
                BadRequest.post(DISPUTE + "/withdrawal", "{}").named("withdrawal without If-Match")
                        .expect(428, "precondition-required", "If-Match"),
                BadRequest.post(DISPUTE + "/withdrawal", "{\"note\": 7}").header("If-Match", "\"0\"")
                        .named("note as a number").rejects("note"),
                BadRequest.post(DISPUTE + "/withdrawal", "{}").header("If-Match", "\"0\"")
                        .named("withdrawal of no such dispute").expect(404, "not-found", null),
                BadRequest.post(DISPUTE + "/reopening", "{}").named("reopening without If-Match")
                        .expect(428, "precondition-required", "If-Match"),
                BadRequest.post(DISPUTE + "/reopening", "{\"note\": \"" + "n".repeat(2001) + "\"}")
                        .header("If-Match", "\"0\"").named("reopening note too long").rejects("note"),
                BadRequest.post(DISPUTE + "/reopening", "{}").header("If-Match", "\"0\"")
                        .named("reopening of no such dispute").expect(404, "not-found", null)));
        // --- statistics (GET /disputes/stats) ---
        cases.addAll(List.of(
                BadRequest.get("/disputes/stats").named("stats without a period").rejects("from"),
                BadRequest.get("/disputes/stats?from=2026-11-01").named("stats without to").rejects("to"),
                BadRequest.get("/disputes/stats?to=2026-11-30").named("stats without from").rejects("from"),
                BadRequest.get("/disputes/stats?from=yesterday&to=2026-11-30").named("stats from not a date")
                        .rejects("from"),
                BadRequest.get("/disputes/stats?from=2026-11-01&to=2026-02-30").named("stats to no such date")
                        .rejects("to"),
                BadRequest.get("/disputes/stats?from=1800-01-01&to=2026-11-30").named("stats from out of range")
                        .rejects("from"),
                BadRequest.get("/disputes/stats?from=2026-12-01&to=2026-11-30").named("stats from after to")
                        .rejects("from"),
                BadRequest.get("/disputes/stats?from=2026-11-01&to=2026-11-30&currency=XYZ")
                        .named("stats in an unknown currency").rejects("currency"),
                BadRequest.get("/disputes/stats?from=2026-11-01&to=2026-11-30&currency=eur")
                        .named("stats currency in lower case").rejects("currency")));
        // --- end of statistics ---
        return cases;
    }

    @Override
    protected List<String> writtenTables() {
        return List.of("idempotency_key", "dispute", "dispute_activity", "receivable_customer", "receivable_invoice",
                "receivable_invoice_line", "receivable_settlement");
    }

    @Override
    protected Map<String, String> fixtures() {
        return Map.of();
    }

    @Override
    protected String bodyTarget() {
        return "/disputes";
    }
}
