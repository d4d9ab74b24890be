package io.receivables.disputes.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.security.Roles;
import io.receivables.common.testing.TestTokens;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;

/** Comments through the real endpoints against PostgreSQL; the disputes themselves come from {@link DisputeFixtures}. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class DisputeCommentsTest {

    static final String PROBLEMS = "https://receivables.io/problems/";
    static final String COLLECTOR = "Bearer " + TestTokens.user("sub-carla", "carla", Roles.COLLECTOR);

    @Inject
    DisputeFixtures fixtures;

    @Test
    void anInternalCommentIsWrittenAuditedAndIsNoFirstResponse() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());

        JsonPath comment = post(COLLECTOR, dispute, "{\"text\": \"  Checking the contract price list.\\nBack soon. \","
                + " \"visibility\": \"INTERNAL\"}").then().statusCode(201).extract().jsonPath();

        assertThat(comment.getString("text")).isEqualTo("Checking the contract price list.\nBack soon.");
        assertThat(comment.getString("visibility")).isEqualTo("INTERNAL");
        assertThat(comment.getString("author")).isEqualTo("STAFF");
        assertThat(comment.getString("actor.username")).isEqualTo("carla");
        assertThat(comment.getString("disputeId")).isEqualTo(dispute.toString());
        Row row = fixtures.row("SELECT first_response_at, version FROM dispute WHERE id = $1", dispute);
        assertThat(row.getValue("first_response_at")).isNull();
        assertThat(row.getLong("version")).isZero();
        Row audit = fixtures.row("SELECT actor_username, operation, entity_type, summary::text AS summary FROM audit_log"
                + " WHERE entity_id = $1", dispute.toString());
        assertThat(audit.getString("actor_username")).isEqualTo("carla");
        assertThat(audit.getString("operation")).isEqualTo("addDisputeComment");
        assertThat(audit.getString("entity_type")).isEqualTo("dispute");
        assertThat(audit.getString("summary")).contains(comment.getString("id")).contains("INTERNAL");
    }

    @Test
    void theFirstStaffCommentVisibleToTheCustomerIsTheFirstResponseStampedOnce() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());

        String first = post(COLLECTOR, dispute, "{\"text\": \"We are looking into it.\", \"visibility\": \"CUSTOMER\"}")
                .then().statusCode(201).extract().jsonPath().getString("createdAt");
        Row stamped = fixtures.row("SELECT first_response_at, updated_at, version FROM dispute WHERE id = $1", dispute);
        assertThat(stamped.getOffsetDateTime("first_response_at").toInstant()).isEqualTo(Instant.parse(first));
        assertThat(stamped.getOffsetDateTime("updated_at").toInstant()).isEqualTo(Instant.parse(first));
        assertThat(stamped.getLong("version")).as("the dispute changed: its ETag moves on").isEqualTo(1);
        assertThat(fixtures.row("SELECT summary::text FROM audit_log WHERE entity_id = $1", dispute.toString())
                .getString(0)).contains("firstResponseAt");

        post(COLLECTOR, dispute, "{\"text\": \"A second answer.\", \"visibility\": \"CUSTOMER\"}").then().statusCode(201);

        Row after = fixtures.row("SELECT first_response_at, version FROM dispute WHERE id = $1", dispute);
        assertThat(after.getOffsetDateTime("first_response_at").toInstant()).isEqualTo(Instant.parse(first));
        assertThat(after.getLong("version")).isEqualTo(1);
    }

    @Test
    void concurrentAnswersAreAllWrittenAndTheFirstOfThemIsTheFirstResponse() throws Exception {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        int answers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService collectors = Executors.newFixedThreadPool(answers);
        List<Future<Response>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < answers; i++) {
                String body = "{\"text\": \"answer " + i + "\", \"visibility\": \"CUSTOMER\"}";
                sent.add(collectors.submit(() -> {
                    start.await();
                    return post(COLLECTOR, dispute, body);
                }));
            }
            start.countDown();
            List<Instant> written = new ArrayList<>();
            for (Future<Response> response : sent) {
                Response answered = response.get(60, TimeUnit.SECONDS);
                assertThat(answered.statusCode()).as(answered.asString()).isEqualTo(201);
                written.add(Instant.parse(answered.jsonPath().getString("createdAt")));
            }

            Row row = fixtures.row("SELECT first_response_at, version FROM dispute WHERE id = $1", dispute);
            assertThat(row.getOffsetDateTime("first_response_at").toInstant())
                    .isEqualTo(written.stream().min(Instant::compareTo).orElseThrow());
            assertThat(row.getLong("version")).as("stamped once").isEqualTo(1);
            assertThat(fixtures.count("dispute_comment", "dispute_id = $1", dispute)).isEqualTo(answers);
            assertThat(fixtures.count("audit_log", "entity_id = $1 AND summary::text LIKE '%firstResponseAt%'",
                    dispute.toString())).isEqualTo(1);
        } finally {
            collectors.shutdownNow();
        }
    }

    @Test
    void aCustomerWritesAndReadsOnlyCustomerVisibleCommentsOfItsOwnDisputes() {
        UUID customer = UUID.randomUUID();
        UUID dispute = fixtures.dispute(customer);
        String portal = "Bearer " + TestTokens.customer(customer);
        post(COLLECTOR, dispute, "{\"text\": \"Customer seems right; ask pricing.\", \"visibility\": \"INTERNAL\"}")
                .then().statusCode(201);
        post(COLLECTOR, dispute, "{\"text\": \"Could you send the delivery note?\", \"visibility\": \"CUSTOMER\"}")
                .then().statusCode(201);

        JsonPath own = post(portal, dispute, "{\"text\": \"Attached soon.\", \"visibility\": \"CUSTOMER\"}").then()
                .statusCode(201).extract().jsonPath();
        assertThat(own.getString("author")).isEqualTo("CUSTOMER");
        assertThat(own.getString("actor.kind")).isEqualTo("USER");

        long before = fixtures.count("dispute_comment", "dispute_id = $1", dispute);
        post(portal, dispute, "{\"text\": \"Let me see your notes.\", \"visibility\": \"INTERNAL\"}").then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "forbidden")).body("errors.field", hasItem("visibility"));
        assertThat(fixtures.count("dispute_comment", "dispute_id = $1", dispute)).isEqualTo(before);

        JsonPath seen = given().header("Authorization", portal).get("/disputes/{id}/comments", dispute).then()
                .statusCode(200).extract().jsonPath();
        assertThat(seen.getList("items.text", String.class)).containsExactly("Could you send the delivery note?",
                "Attached soon.");
        assertThat(seen.getList("items.visibility", String.class)).containsOnly("CUSTOMER");
        Map<String, Object> staffComment = seen.getMap("items[0]");
        assertThat(staffComment).containsEntry("author", "STAFF").containsEntry("actor", null);
        assertThat(seen.getString("items[1].actor.kind")).isEqualTo("USER");

        JsonPath staff = given().header("Authorization", COLLECTOR).get("/disputes/{id}/comments", dispute).then()
                .statusCode(200).extract().jsonPath();
        assertThat(staff.getList("items")).hasSize(3);
        assertThat(staff.getString("items[1].actor.username")).isEqualTo("carla");
        assertThat(fixtures.row("SELECT first_response_at FROM dispute WHERE id = $1", dispute).getValue(0))
                .as("stamped by the staff comment, not the customer's").isNotNull();
    }

    @Test
    void aCustomersOwnCommentIsNoFirstResponse() {
        UUID customer = UUID.randomUUID();
        UUID dispute = fixtures.dispute(customer);

        post("Bearer " + TestTokens.customer(customer), dispute, "{\"text\": \"Any news?\", \"visibility\":"
                + " \"CUSTOMER\"}").then().statusCode(201);

        assertThat(fixtures.row("SELECT first_response_at FROM dispute WHERE id = $1", dispute).getValue(0)).isNull();
    }

    @Test
    void anotherCustomersDisputeIsNotFoundLikeOneThatDoesNotExist() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        String stranger = "Bearer " + TestTokens.customer(UUID.randomUUID());

        for (UUID id : List.of(dispute, UUID.randomUUID())) {
            post(stranger, id, "{\"text\": \"Hello\", \"visibility\": \"CUSTOMER\"}").then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "not-found"));
            given().header("Authorization", stranger).get("/disputes/{id}/comments", id).then().statusCode(404)
                    .body("type", equalTo(PROBLEMS + "not-found"));
        }
        post(COLLECTOR, UUID.randomUUID(), "{\"text\": \"Hello\", \"visibility\": \"INTERNAL\"}").then()
                .statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        assertThat(fixtures.count("dispute_comment", "dispute_id = $1", dispute)).isZero();
    }

    @Test
    void commentsArePagedOldestFirstWithoutGapOrRepeat() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        for (int i = 1; i <= 5; i++) {
            post(COLLECTOR, dispute, "{\"text\": \"note " + i + "\", \"visibility\": \"INTERNAL\"}").then()
                    .statusCode(201);
        }

        List<String> texts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/disputes/{id}/comments", dispute).then().statusCode(200).extract().jsonPath();
            texts.addAll(page.getList("items.text", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(texts).containsExactly("note 1", "note 2", "note 3", "note 4", "note 5");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyWritesOnceAndAnotherBodyUnderItIsRefused() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        String body = "{\"text\": \"Credit note requested.\", \"visibility\": \"INTERNAL\"}";

        String first = given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/disputes/{id}/comments", dispute).then().statusCode(201).extract().asString();
        String retry = given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/disputes/{id}/comments", dispute).then().statusCode(201).extract().asString();

        assertThat(retry).isEqualTo(first);
        assertThat(fixtures.count("dispute_comment", "dispute_id = $1", dispute)).isEqualTo(1);
        assertThat(fixtures.count("audit_log", "entity_id = $1", dispute.toString())).isEqualTo(1);
        given().header("Idempotency-Key", key).contentType("application/json")
                .body("{\"text\": \"Something else.\", \"visibility\": \"INTERNAL\"}")
                .post("/disputes/{id}/comments", dispute).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(fixtures.count("dispute_comment", "dispute_id = $1", dispute)).isEqualTo(1);
    }

    @Test
    void lengthCountsCharactersAsTheColumnDoesAndControlCharactersAreRefused() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        // 4,000 characters outside the BMP: 8,000 UTF-16 units, exactly what VARCHAR(4000) holds
        String emoji = "\uD83D\uDCE6".repeat(4000);

        post(COLLECTOR, dispute, "{\"text\": \"" + emoji + "\", \"visibility\": \"INTERNAL\"}").then().statusCode(201);
        post(COLLECTOR, dispute, "{\"text\": \"" + emoji + "x\", \"visibility\": \"INTERNAL\"}").then().statusCode(400)
                .body("errors.field", hasItem("text"));
        post(COLLECTOR, dispute, "{\"text\": \"bell \\u0007\", \"visibility\": \"INTERNAL\"}").then().statusCode(400)
                .body("errors.field", hasItem("text"));
        post(COLLECTOR, dispute, "{\"text\": \"lone \\ud800 surrogate\", \"visibility\": \"INTERNAL\"}").then()
                .statusCode(400).body("errors.field", hasItem("text"));
        post(COLLECTOR, dispute, "{\"text\": \"tab\\tand\\r\\nbreaks\", \"visibility\": \"INTERNAL\"}").then()
                .statusCode(201).body("text", equalTo("tab\tand\r\nbreaks"));

        assertThat(fixtures.count("dispute_comment", "dispute_id = $1", dispute)).isEqualTo(2);
        Instant newest = fixtures.row("SELECT max(created_at) FROM dispute_comment WHERE dispute_id = $1", dispute)
                .get(OffsetDateTime.class, 0).toInstant();
        assertThat(newest).isNotNull();
    }

    @Test
    void viewerReadsButDoesNotWrite() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        String viewer = TestTokens.bearer(Roles.VIEWER);

        post(viewer, dispute, "{\"text\": \"Hello\", \"visibility\": \"INTERNAL\"}").then().statusCode(403);
        given().header("Authorization", viewer).get("/disputes/{id}/comments", dispute).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()).body("nextCursor", nullValue());
    }

    private static Response post(String authorization, UUID dispute, String body) {
        return given().header("Authorization", authorization).contentType("application/json").body(body)
                .post("/disputes/{id}/comments", dispute);
    }
}
