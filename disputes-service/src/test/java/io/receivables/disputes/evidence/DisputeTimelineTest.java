package io.receivables.disputes.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.security.Roles;
import io.receivables.common.testing.TestTokens;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The timeline merges the dispute's activity (rows the core's workflow writes; here {@link DisputeFixtures} writes them
 * as it would) with comments and attachments added through the real endpoints.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class DisputeTimelineTest {

    static final String PROBLEMS = "https://receivables.io/problems/";
    static final String COLLECTOR = "Bearer " + TestTokens.user("sub-carla", "carla", Roles.COLLECTOR);

    @Inject
    DisputeFixtures fixtures;

    /** A dispute with a bit of everything: activity, comments and attachments of both sides and visibilities. */
    record Story(UUID customer, UUID dispute) {
    }

    Story story() {
        UUID customer = UUID.randomUUID();
        UUID dispute = fixtures.dispute(customer);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        fixtures.activity(dispute, now.minus(Duration.ofHours(3)), "OPENED", "portal-anna", null, "OPEN",
                "pricing-desk", null, null);
        fixtures.activity(dispute, now.minus(Duration.ofHours(2)), "ASSIGNED", "lead-lars", null, null,
                "pricing-desk", "carla", "route to Carla");
        fixtures.activity(dispute, now.minus(Duration.ofHours(1)), "STATE_CHANGED", "carla", "OPEN", "UNDER_REVIEW",
                null, null, "checking price list");
        given().header("Authorization", COLLECTOR).contentType("application/json")
                .body("{\"text\": \"Margin is thin here.\", \"visibility\": \"INTERNAL\"}")
                .post("/disputes/{id}/comments", dispute).then().statusCode(201);
        String answered = given().header("Authorization", COLLECTOR).contentType("application/json")
                .body("{\"text\": \"Please send the delivery note.\", \"visibility\": \"CUSTOMER\"}")
                .post("/disputes/{id}/comments", dispute).then().statusCode(201).extract().jsonPath()
                .getString("createdAt");
        // at the very same instant as the comment: ordered by id across the two tables, on every page
        fixtures.activity(dispute, Instant.parse(answered), "STATE_CHANGED", "carla", "UNDER_REVIEW",
                "AWAITING_CUSTOMER", null, null, null);
        given().header("Authorization", "Bearer " + TestTokens.customer(customer)).contentType("image/png")
                .body(TestFiles.png()).queryParam("fileName", "pallet.png").queryParam("visibility", "CUSTOMER")
                .post("/disputes/{id}/attachments", dispute).then().statusCode(201);
        given().header("Authorization", COLLECTOR).contentType("application/pdf").body(TestFiles.pdf("calc"))
                .queryParam("fileName", "calc.pdf").queryParam("visibility", "INTERNAL")
                .post("/disputes/{id}/attachments", dispute).then().statusCode(201);
        fixtures.activity(dispute, now.plus(Duration.ofHours(1)), "SLA_BREACHED", "system", null, null, null, null,
                "resolution due passed");
        fixtures.activity(dispute, now.plus(Duration.ofHours(2)), "RESOLVED", "carla", "AWAITING_CUSTOMER",
                "RESOLVED", null, null, "Credited the price difference of 12.50");
        return new Story(customer, dispute);
    }

    @Test
    void staffSeeEveryEntryInTimeOrderWithWhoAndWhen() {
        Story story = story();

        List<Map<String, Object>> entries = all(COLLECTOR, story.dispute(), 100);

        assertInTimelineOrder(entries);
        assertThat(kinds(entries)).containsExactly("OPENED", "ASSIGNED", "STATE_CHANGED", "COMMENT",
                "COMMENT|STATE_CHANGED", "COMMENT|STATE_CHANGED", "ATTACHMENT", "ATTACHMENT", "SLA_BREACHED",
                "RESOLVED");
        Map<String, Object> assigned = entries.get(1);
        assertThat(assigned).containsEntry("team", "pricing-desk").containsEntry("owner", "carla")
                .containsEntry("text", "route to Carla");
        assertThat(actor(assigned)).containsEntry("username", "lead-lars").containsEntry("kind", "USER");
        assertThat(entries.get(2)).containsEntry("fromState", "OPEN").containsEntry("toState", "UNDER_REVIEW")
                .containsEntry("author", null).containsEntry("attachment", null);
        assertThat(entries.get(3)).containsEntry("text", "Margin is thin here.").containsEntry("visibility", "INTERNAL")
                .containsEntry("author", "STAFF");
        assertThat(actor(entries.get(3))).containsEntry("username", "carla");
        @SuppressWarnings("unchecked")
        Map<String, Object> photo = (Map<String, Object>) entries.get(6).get("attachment");
        assertThat(photo).containsEntry("fileName", "pallet.png").containsEntry("contentType", "image/png");
        assertThat(entries.get(6)).containsEntry("author", "CUSTOMER").containsEntry("visibility", "CUSTOMER")
                .containsEntry("id", photo.get("id"));
        assertThat(entries.get(9)).containsEntry("toState", "RESOLVED")
                .containsEntry("text", "Credited the price difference of 12.50");
    }

    @Test
    void pagesOfAnySizeAddUpToTheWholeTimelineWithoutGapOrRepeat() {
        Story story = story();
        List<Object> whole = ids(all(COLLECTOR, story.dispute(), 500));
        assertThat(whole).hasSize(10);

        for (int limit : List.of(1, 2, 3, 4, 9, 10)) {
            assertThat(ids(all(COLLECTOR, story.dispute(), limit))).as("pages of %d", limit).isEqualTo(whole);
        }
        String portal = "Bearer " + TestTokens.customer(story.customer());
        List<Object> customerView = ids(all(portal, story.dispute(), 500));
        assertThat(ids(all(portal, story.dispute(), 1))).isEqualTo(customerView);
        assertThat(ids(all(portal, story.dispute(), 4))).isEqualTo(customerView);
    }

    @Test
    void aCustomerSeesTheStepsOfItsDisputeAndWhatIsVisibleToItButNotWhoWorkedOnIt() {
        Story story = story();
        String portal = "Bearer " + TestTokens.customer(story.customer());

        List<Map<String, Object>> entries = all(portal, story.dispute(), 100);

        assertInTimelineOrder(entries);
        assertThat(kinds(entries)).containsExactly("OPENED", "STATE_CHANGED", "COMMENT|STATE_CHANGED",
                "COMMENT|STATE_CHANGED", "ATTACHMENT", "RESOLVED");
        for (Map<String, Object> entry : entries) {
            assertThat(entry.get("team")).as("team of %s", entry).isNull();
            assertThat(entry.get("owner")).as("owner of %s", entry).isNull();
            assertThat(entry.get("visibility")).as("visibility of %s", entry).isIn(null, "CUSTOMER");
            boolean ownSide = "CUSTOMER".equals(entry.get("author"));
            assertThat(entry.get("actor") != null).as("actor of %s", entry).isEqualTo(ownSide);
        }
        assertThat(entries.get(1)).containsEntry("toState", "UNDER_REVIEW").containsEntry("text", null);
        assertThat(entries.stream().filter(e -> "COMMENT".equals(e.get("kind"))).map(e -> e.get("text")))
                .containsExactly("Please send the delivery note.");
        assertThat(entries.get(5)).containsEntry("text", "Credited the price difference of 12.50");
    }

    @Test
    void anUnknownDisputeOrAnotherCustomersIsNotFoundAndABadCursorIsNamed() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());

        given().get("/disputes/{id}/timeline", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "not-found"));
        given().header("Authorization", "Bearer " + TestTokens.customer(UUID.randomUUID()))
                .get("/disputes/{id}/timeline", dispute).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        given().queryParam("cursor", "not-ours").get("/disputes/{id}/timeline", dispute).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("cursor"));
        given().get("/disputes/{id}/timeline", dispute).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()).body("nextCursor", org.hamcrest.Matchers.nullValue());
    }

    /** Sorted by time, then by id's text (PostgreSQL's order of UUIDs). */
    private static void assertInTimelineOrder(List<Map<String, Object>> entries) {
        List<Map<String, Object>> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((Map<String, Object> e) -> Instant.parse((String) e.get("occurredAt")))
                .thenComparing(e -> (String) e.get("id")));
        assertThat(ids(entries)).isEqualTo(ids(sorted));
    }

    /** The kinds in order, the two entries of the same instant (a comment and a change of state) as one label. */
    private static List<String> kinds(List<Map<String, Object>> entries) {
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Object at = entries.get(i).get("occurredAt");
            long same = entries.stream().filter(e -> e.get("occurredAt").equals(at)).count();
            kinds.add(same > 1 ? "COMMENT|STATE_CHANGED" : (String) entries.get(i).get("kind"));
        }
        return kinds;
    }

    private static List<Object> ids(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> e.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> actor(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("actor");
    }

    private static List<Map<String, Object>> all(String authorization, UUID dispute, int limit) {
        List<Map<String, Object>> entries = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", authorization).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/disputes/{id}/timeline", dispute).then().statusCode(200).extract()
                    .jsonPath();
            entries.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return entries;
    }
}
