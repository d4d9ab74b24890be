package io.receivables.disputes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.BadInputContract;
import io.receivables.common.testing.TestTokens;
import io.receivables.disputes.evidence.DisputeFixtures;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The probe's hostile requests against every endpoint of the disputes service: each gets a 4xx problem naming the
 * field and writes nothing. Each part of the service adds its cases in a block of its own. The refusals that need an
 * invoice in the read model (voided, paid, above what is open, another currency, lines it does not have) are in
 * DisputeOpeningTest; those that need a dispute in a given state in DisputeWorkflowTest.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class DisputesBadInputTest extends BadInputContract {

    static final String SOME_ID = "3f1c2a94-5d0e-4b7a-9c61-0a2b3c4d5e6f";
    static final String OPENING = """
            {"invoiceId": "%s", "disputedAmount": "10.00", "reasonCode": "PRICING", "description": "Wrong price",
             "contact": {"name": "Ana Ruiz", "email": "ap@globex.example"}%%s}""".formatted(SOME_ID);
    static final String DISPUTE = "/disputes/" + SOME_ID;

    @Inject
    DisputeFixtures disputes;

    private Map<String, String> fixtures;

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
        cases.addAll(conversationCases());
        return cases;
    }

    /** Comments, attachments and the timeline (docs/disputes.md, "Comments, attachments and the timeline"). */
    static List<BadRequest> conversationCases() {
        String comments = "/disputes/${dispute}/comments";
        String attachments = "/disputes/${dispute}/attachments";
        String upload = attachments + "?fileName=note.pdf&visibility=INTERNAL";
        String pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n";
        String comment = "{\"text\": \"Checked.\", \"visibility\": \"INTERNAL\"%s}";
        return List.of(
                BadRequest.post(comments, comment.formatted(", \"text\": \"twice\"")).named("duplicate key")
                        .rejects("text"),
                BadRequest.post(comments, "{\"visibility\": \"INTERNAL\"}").named("no text").rejects("text"),
                BadRequest.post(comments, "{\"text\": \" \\n \", \"visibility\": \"INTERNAL\"}").named("blank text")
                        .rejects("text"),
                BadRequest.post(comments, "{\"text\": 42, \"visibility\": \"INTERNAL\"}").named("text as a number")
                        .rejects("text"),
                BadRequest.post(comments, "{\"text\": \"a\\u0000b\", \"visibility\": \"INTERNAL\"}")
                        .named("NUL in the text").rejects("text"),
                BadRequest.post(comments, "{\"text\": \"a\\u001bb\", \"visibility\": \"INTERNAL\"}")
                        .named("a control character in the text").rejects("text"),
                BadRequest.post(comments, "{\"text\": \"a\\ud800b\", \"visibility\": \"INTERNAL\"}")
                        .named("a lone surrogate in the text").rejects("text"),
                BadRequest.post(comments, "{\"text\": \"" + "x".repeat(4001) + "\", \"visibility\": \"INTERNAL\"}")
                        .named("text over 4,000 characters").rejects("text"),
                BadRequest.post(comments, "{\"text\": \"Checked.\"}").named("no visibility").rejects("visibility"),
                BadRequest.post(comments, "{\"text\": \"Checked.\", \"visibility\": \"PUBLIC\"}")
                        .named("unknown visibility").rejects("visibility"),
                BadRequest.post(comments, comment.formatted(", \"surprise\": 1")).named("unknown field")
                        .rejects("surprise"),
                BadRequest.post(comments, "").named("no body").rejects("body"),
                BadRequest.post(comments, comment.formatted("")).header("Idempotency-Key", "k".repeat(256))
                        .named("Idempotency-Key too long").rejects("Idempotency-Key"),
                BadRequest.post(comments, comment.formatted("")).header("Authorization", "${customerToken}")
                        .named("an internal comment by the customer").expect(403, "forbidden", "visibility"),
                BadRequest.post(comments, comment.formatted("").replace("INTERNAL", "CUSTOMER"))
                        .header("Authorization", "${strangerToken}").named("another customer's dispute")
                        .expect(404, "not-found", null),
                BadRequest.post("/disputes/" + SOME_ID + "/comments", comment.formatted("")).named("no such dispute")
                        .expect(404, "not-found", null),
                BadRequest.post("/disputes/not-a-uuid/comments", comment.formatted("")).named("dispute id not a UUID")
                        .expect(404, "not-found", null),
                BadRequest.get(comments + "?limit=0").named("limit 0").rejects("limit"),
                BadRequest.get(comments + "?limit=many").named("limit not a number").rejects("limit"),
                BadRequest.get(comments + "?cursor=abc").named("a cursor this API did not issue").rejects("cursor"),
                BadRequest.get("/disputes/" + SOME_ID + "/comments").named("comments of no such dispute")
                        .expect(404, "not-found", null),

                BadRequest.post(upload, "").contentType("application/pdf").named("an empty file").rejects("body"),
                BadRequest.post(upload, "MZ\u0090\u0000This program cannot be run in DOS mode.")
                        .contentType("application/pdf").named("an executable named .pdf")
                        .expect(415, "unsupported-media-type", "body"),
                BadRequest.post(upload, "<html><script>alert(1)</script></html>").contentType("application/pdf")
                        .named("an HTML page named .pdf").expect(415, "unsupported-media-type", "body"),
                BadRequest.post(upload, pdf).contentType("image/png").named("a PDF declared as PNG")
                        .expect(415, "unsupported-media-type", "body"),
                BadRequest.post(upload, pdf).contentType("text/html").named("a Content-Type not taken")
                        .expect(415, "unsupported-media-type", null),
                BadRequest.post(attachments + "?visibility=INTERNAL", pdf).contentType("application/pdf")
                        .named("no file name").rejects("fileName"),
                BadRequest.post(attachments + "?visibility=INTERNAL&fileName=a%07b.pdf", pdf)
                        .contentType("application/pdf").named("a control character in the file name")
                        .rejects("fileName"),
                BadRequest.post(attachments + "?visibility=INTERNAL&fileName=a%00b.pdf", pdf)
                        .contentType("application/pdf").named("NUL in the file name").rejects("fileName"),
                BadRequest.post(attachments + "?visibility=INTERNAL&fileName=" + "a".repeat(251), pdf)
                        .contentType("application/pdf").named("a file name over 250 characters").rejects("fileName"),
                BadRequest.post(attachments + "?fileName=note.pdf", pdf).contentType("application/pdf")
                        .named("no visibility").rejects("visibility"),
                BadRequest.post(attachments + "?fileName=note.pdf&visibility=internal", pdf)
                        .contentType("application/pdf").named("visibility in lower case").rejects("visibility"),
                BadRequest.post(upload, pdf).contentType("application/pdf").header("Authorization", "${customerToken}")
                        .named("an internal attachment by the customer").expect(403, "forbidden", "visibility"),
                BadRequest.post(upload.replace("INTERNAL", "CUSTOMER"), pdf).contentType("application/pdf")
                        .header("Authorization", "${strangerToken}").named("attachment to another customer's dispute")
                        .expect(404, "not-found", null),
                BadRequest.post("/disputes/" + SOME_ID + "/attachments?fileName=a.pdf&visibility=INTERNAL", pdf)
                        .contentType("application/pdf").named("attachment to no such dispute")
                        .expect(404, "not-found", null),
                BadRequest.get(attachments + "?limit=501").named("attachments limit over 500").rejects("limit"),
                BadRequest.get(attachments + "?cursor=abc").named("attachments cursor not ours").rejects("cursor"),
                BadRequest.get(attachments + "/" + SOME_ID).named("no such attachment").expect(404, "not-found", null),
                BadRequest.get(attachments + "/not-a-uuid").named("attachment id not a UUID")
                        .expect(404, "not-found", null),
                BadRequest.get("/disputes/" + SOME_ID + "/attachments/" + SOME_ID)
                        .named("attachment of no such dispute").expect(404, "not-found", null),

                BadRequest.get("/disputes/${dispute}/timeline?limit=0").named("timeline limit 0").rejects("limit"),
                BadRequest.get("/disputes/${dispute}/timeline?cursor=abc").named("timeline cursor not ours")
                        .rejects("cursor"),
                BadRequest.get("/disputes/${dispute}/timeline?cursor=a%00b").named("NUL in the timeline cursor")
                        .rejects("cursor"),
                BadRequest.get("/disputes/${dispute}/timeline").header("Authorization", "${strangerToken}")
                        .named("another customer's timeline").expect(404, "not-found", null),
                BadRequest.get("/disputes/" + SOME_ID + "/timeline").named("timeline of no such dispute")
                        .expect(404, "not-found", null));
    }

    @Override
    protected List<String> writtenTables() {
        return List.of("idempotency_key", "audit_log", "dispute", "dispute_activity", "dispute_comment",
                "dispute_attachment", "dispute_attachment_content", "receivable_customer", "receivable_invoice",
                "receivable_invoice_line", "receivable_settlement");
    }

    /** A dispute (written by a fixture: the core's POST /disputes is merged later) and tokens of its customer. */
    @Override
    protected Map<String, String> fixtures() {
        if (fixtures == null) {
            UUID customer = UUID.randomUUID();
            fixtures = Map.of("dispute", disputes.dispute(customer).toString(),
                    "customerToken", "Bearer " + TestTokens.customer(customer),
                    "strangerToken", "Bearer " + TestTokens.customer(UUID.randomUUID()));
        }
        return fixtures;
    }

    @Override
    protected String bodyTarget() {
        return "/disputes";
    }
}
