package io.receivables.common.testapp;

import static io.receivables.common.testapp.IdempotentPostTest.body;
import static io.receivables.common.testapp.SelfTestState.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.receivables.common.security.Roles;
import io.receivables.common.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * service-common's audit log through the self-test application, whose create and replace record their actor: GET
 * /audit filters by entity, type, actor and time and pages without gap or repeat; only ar-admin reads it; the table
 * refuses UPDATE, DELETE and TRUNCATE whoever sends them.
 */
@QuarkusTest
@TestProfile(SelfTestProfile.class)
class AuditLogTest {

    @Inject
    Pool pool;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String alice = "alice-" + run;
    final String bob = "bob-" + run;

    @Test
    void eachChangeNamesItsOwnActorAndWhatChanged() {
        String aliceToken = TestTokens.user("sub-" + alice, alice, Roles.ACCOUNTANT);
        String created = create(aliceToken, "1.00");
        given().header("Authorization", "Bearer " + TestTokens.serviceAccount("erp-" + run, Roles.AR_ADMIN))
                .header("If-Match", "\"0\"").contentType("application/json").body(body("PO-" + run, "2.50"))
                .put("/tracked-invoices/{id}", created).then().statusCode(200);

        JsonPath entries = audit(Map.of("entityId", created));

        assertThat(entries.getList("items")).hasSize(2);
        assertThat(entries.getString("items[0].operation")).isEqualTo("replaceTrackedInvoice");
        assertThat(entries.getMap("items[0].actor")).isEqualTo(Map.of("kind", "SERVICE_ACCOUNT", "id", "sa-erp-" + run,
                "username", "service-account-erp-" + run, "clientId", "erp-" + run));
        // the stored amount, at the column's scale
        assertThat(entries.getList("items[0].summary")).containsExactly(Map.of("field", "total", "from", "1.0000",
                "to", "2.50"));
        assertThat(entries.getString("items[1].operation")).isEqualTo("createTrackedInvoice");
        assertThat(entries.getMap("items[1].actor")).isEqualTo(Map.of("kind", "USER", "id", "sub-" + alice,
                "username", alice));
        assertThat(entries.getString("items[1].entityType")).isEqualTo("tracked-invoice");
        assertThat(entries.getString("items[1].entityId")).isEqualTo(created);
        assertThat(entries.getList("items[1].summary")).contains(Map.of("field", "total", "to", "1.00"));
        assertThat(Instant.parse(entries.getString("items[1].occurredAt")))
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
        assertThat(entries.getString("items[1].occurredAt")).endsWith("Z");
    }

    @Test
    void filtersCombineAndPagesFollowEachOtherNewestFirstWithoutGapOrRepeat() {
        String aliceToken = TestTokens.user("sub-" + alice, alice, Roles.ACCOUNTANT);
        String bobToken = TestTokens.user("sub-" + bob, bob, Roles.ACCOUNTANT);
        List<String> byAlice = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byAlice.add(create(aliceToken, i + ".00"));
            create(bobToken, "9.00");
        }

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new java.util.HashMap<>(Map.of("actor", alice, "limit", "2"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = audit(query);
            listed.addAll(page.getList("items.entityId"));
            assertThat(page.getList("items.actor.username")).containsOnly(alice);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(listed).containsExactlyElementsOf(byAlice.reversed());
        assertThat(audit(Map.of("actor", "sub-" + bob)).getList("items")).hasSize(5);
        assertThat(audit(Map.of("actor", bob, "entityId", byAlice.get(0))).getList("items")).isEmpty();
        assertThat(audit(Map.of("actor", alice, "entityType", "customer")).getList("items")).isEmpty();

        JsonPath all = audit(Map.of("actor", alice));
        Instant third = Instant.parse(all.getString("items[2].occurredAt"));
        Instant second = Instant.parse(all.getString("items[1].occurredAt"));
        JsonPath window = audit(Map.of("actor", alice, "from", third.toString(), "to", second.toString()));
        assertThat(window.getList("items.entityId")).contains(byAlice.get(2)).doesNotContain(byAlice.get(1),
                byAlice.get(4));
        assertThat(audit(Map.of("actor", alice, "from", all.getString("items[0].occurredAt"))).getList("items.entityId"))
                .contains(byAlice.get(4)).doesNotContain(byAlice.get(0));
    }

    @Test
    void onlyAnAdminReadsTheAuditLog() {
        for (String role : List.of(Roles.ACCOUNTANT, Roles.COLLECTOR, Roles.VIEWER, Roles.INTEGRATION, Roles.CUSTOMER)) {
            given().header("Authorization", TestTokens.bearer(role)).get("/audit").then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo(problem("forbidden")));
        }
        given().noFilters().get("/audit").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.AR_ADMIN)).get("/audit").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "from, 2026-11-23",
            "from, 2026-11-23T10:00:00+01:00",
            "to, yesterday",
            "limit, 0",
            "limit, 501",
            "cursor, not-a-cursor",
            "cursor, WyJhIiwiYiJd"
    })
    void aBadParameterIsA400NamingIt(String name, String value) {
        given().queryParam(name, value).get("/audit").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(problem("validation")))
                .body("errors[0].field", equalTo(name));
    }

    @Test
    void toBeforeFromIsRefusedAndSoIsAnOverlongFilter() {
        given().queryParam("from", "2026-11-23T10:00:00Z").queryParam("to", "2026-11-23T09:00:00Z").get("/audit").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        given().queryParam("entityId", "x".repeat(65)).get("/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("entityId"));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        String created = create(TestTokens.user("sub-" + alice, alice, Roles.ACCOUNTANT), "1.00");

        for (String sql : List.of("UPDATE audit_log SET actor_id = 'someone-else' WHERE entity_id = $1",
                "DELETE FROM audit_log WHERE entity_id = $1")) {
            assertThatThrownBy(() -> pool.preparedQuery(sql).execute(Tuple.of(created)).await().indefinitely())
                    .as(sql).hasMessageContaining("audit_log is append-only");
        }
        assertThatThrownBy(() -> pool.query("TRUNCATE audit_log").execute().await().indefinitely())
                .hasMessageContaining("audit_log is append-only");
        assertThat(audit(Map.of("entityId", created)).getString("items[0].actor.id")).isEqualTo("sub-" + alice);
    }

    private String create(String token, String total) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(body("PO-" + run, total)).post("/tracked-invoices").then().statusCode(201).extract().path("id");
    }

    private static JsonPath audit(Map<String, String> query) {
        return given().queryParams(query).get("/audit").then().statusCode(200).extract().jsonPath();
    }
}
