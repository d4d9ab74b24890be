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
 * The probe's hostile requests against every endpoint of the disputes service: each gets a 4xx problem naming the field
 * and writes nothing. Each part of the service adds its cases in a block of its own.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class DisputesBadInputTest extends BadInputContract {

    static final String SOME_ID = "3f1c2a94-5d0e-4b7a-9c61-0a2b3c4d5e6f";

    @Inject
    DisputeFixtures disputes;

    private Map<String, String> fixtures;

    @Override
    protected List<BadRequest> badRequests() {
        List<BadRequest> cases = new ArrayList<>(consumedEventsAdminCases());
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
                        .expect(404, "dispute-not-found", null),
                BadRequest.post("/disputes/" + SOME_ID + "/comments", comment.formatted("")).named("no such dispute")
                        .expect(404, "dispute-not-found", null),
                BadRequest.post("/disputes/not-a-uuid/comments", comment.formatted("")).named("dispute id not a UUID")
                        .expect(404, "not-found", null),
                BadRequest.get(comments + "?limit=0").named("limit 0").rejects("limit"),
                BadRequest.get(comments + "?limit=many").named("limit not a number").rejects("limit"),
                BadRequest.get(comments + "?cursor=abc").named("a cursor this API did not issue").rejects("cursor"),
                BadRequest.get("/disputes/" + SOME_ID + "/comments").named("comments of no such dispute")
                        .expect(404, "dispute-not-found", null),

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
                        .expect(404, "dispute-not-found", null),
                BadRequest.post("/disputes/" + SOME_ID + "/attachments?fileName=a.pdf&visibility=INTERNAL", pdf)
                        .contentType("application/pdf").named("attachment to no such dispute")
                        .expect(404, "dispute-not-found", null),
                BadRequest.get(attachments + "?limit=501").named("attachments limit over 500").rejects("limit"),
                BadRequest.get(attachments + "?cursor=abc").named("attachments cursor not ours").rejects("cursor"),
                BadRequest.get(attachments + "/" + SOME_ID).named("no such attachment").expect(404, "not-found", null),
                BadRequest.get(attachments + "/not-a-uuid").named("attachment id not a UUID")
                        .expect(404, "not-found", null),
                BadRequest.get("/disputes/" + SOME_ID + "/attachments/" + SOME_ID)
                        .named("attachment of no such dispute").expect(404, "dispute-not-found", null),

                BadRequest.get("/disputes/${dispute}/timeline?limit=0").named("timeline limit 0").rejects("limit"),
                BadRequest.get("/disputes/${dispute}/timeline?cursor=abc").named("timeline cursor not ours")
                        .rejects("cursor"),
                BadRequest.get("/disputes/${dispute}/timeline?cursor=a%00b").named("NUL in the timeline cursor")
                        .rejects("cursor"),
                BadRequest.get("/disputes/${dispute}/timeline").header("Authorization", "${strangerToken}")
                        .named("another customer's timeline").expect(404, "dispute-not-found", null),
                BadRequest.get("/disputes/" + SOME_ID + "/timeline").named("timeline of no such dispute")
                        .expect(404, "dispute-not-found", null));
    }

    @Override
    protected List<String> writtenTables() {
        return List.of("idempotency_key", "audit_log", "dispute", "dispute_activity", "dispute_comment",
                "dispute_attachment", "dispute_attachment_content");
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
        return "/disputes/" + SOME_ID + "/comments";
    }
}
