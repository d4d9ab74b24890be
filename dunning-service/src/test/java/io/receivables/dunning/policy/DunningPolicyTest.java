package io.receivables.dunning.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Policies through the API: creation with its steps as rows, versions on change (the old one still readable), the
 * If-Match race of two changes from the same version, idempotent creation, and deletion refused while in use. The
 * rules' refusals are in DunningBadInputTest.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class DunningPolicyTest {

    @Test
    void aPolicyIsCreatedReadAndListedWithItsSteps() {
        String name = "standard " + UUID.randomUUID();
        JsonPath created = Policies.create(Policies.TWO_STEPS.formatted(name)).then().statusCode(201)
                .header("ETag", "\"1\"").extract().jsonPath();
        String id = created.getString("id");

        JsonPath read = given().when().get("/dunning-policies/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .extract().jsonPath();
        assertThat(read.getString("name")).isEqualTo(name);
        assertThat(read.getLong("version")).isEqualTo(1);
        assertThat(read.getList("steps.offsetDays", Integer.class)).containsExactly(3, 14);
        assertThat(read.getList("steps[1].channels.channel", String.class)).containsExactly("EMAIL", "SMS");
        assertThat(read.getString("steps[1].minimumOverdue")).isEqualTo("20.00");
        assertThat(read.getString("steps[0].minimumOverdue")).isEqualTo("0.00");
        assertThat(read.getString("steps[1].fee.amount")).isEqualTo("5.00");
        assertThat(read.getBoolean("steps[1].fee.statutoryInterest")).isTrue();
        assertThat(read.getString("steps[0].fee")).isNull();

        given().when().get("/dunning-policies?limit=100").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void theSameIdempotencyKeyCreatesOnePolicy() {
        String body = Policies.TWO_STEPS.formatted("once " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        String first = given().contentType("application/json").header("Idempotency-Key", key).body(body).when()
                .post("/dunning-policies").then().statusCode(201).extract().path("id");
        String second = given().contentType("application/json").header("Idempotency-Key", key).body(body).when()
                .post("/dunning-policies").then().statusCode(201).extract().path("id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aChangeIsANewVersionAndTheOldOneStaysReadable() {
        UUID id = Policies.created("versioned " + UUID.randomUUID());
        JsonPath changed = given().contentType("application/json").header("If-Match", "\"1\"")
                .body(Policies.THREE_STEPS.formatted("versioned, now three steps")).when()
                .put("/dunning-policies/" + id).then().statusCode(200).header("ETag", "\"2\"").extract().jsonPath();
        assertThat(changed.getLong("version")).isEqualTo(2);
        assertThat(changed.getList("steps.offsetDays", Integer.class)).containsExactly(-3, 7, 30);
        assertThat(changed.getString("steps[2].escalation")).isEqualTo("AGENCY");

        JsonPath first = given().when().get("/dunning-policies/" + id + "/versions/1").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getLong("version")).isEqualTo(1);
        assertThat(first.getLong("currentVersion")).isEqualTo(2);
        assertThat(first.getList("steps.offsetDays", Integer.class)).containsExactly(3, 14);
        given().when().get("/dunning-policies/" + id + "/versions/3").then().statusCode(404)
                .body("type", equalTo("https://receivables.io/problems/not-found"));

        // a change from the version before is refused
        given().contentType("application/json").header("If-Match", "\"1\"")
                .body(Policies.TWO_STEPS.formatted("stale")).when().put("/dunning-policies/" + id).then()
                .statusCode(412).body("type", equalTo("https://receivables.io/problems/precondition-failed"));
    }

    @Test
    void ofTwoConcurrentChangesFromTheSameVersionOneWinsAndTheOtherGets412() throws Exception {
        UUID id = Policies.created("race " + UUID.randomUUID());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String name : List.of("race A", "race B")) {
                results.add(pool.submit(() -> {
                    start.await();
                    return given().contentType("application/json").header("If-Match", "\"1\"")
                            .body(Policies.THREE_STEPS.formatted(name)).when().put("/dunning-policies/" + id)
                            .statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        JsonPath now = given().when().get("/dunning-policies/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .extract().jsonPath();
        assertThat(now.getString("name")).isIn("race A", "race B");
        given().when().get("/dunning-policies/" + id + "/versions/3").then().statusCode(404);
    }

    @Test
    void aPolicyInUseCannotBeDeletedAndADeletedOneIsKeptButNotListed() {
        UUID id = Policies.created("in use " + UUID.randomUUID());
        String segment = "seg-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body("{\"policyId\": \"" + id + "\"}").when()
                .put("/dunning-policies/assignments/segments/" + segment).then().statusCode(200);

        given().header("If-Match", "\"1\"").when().delete("/dunning-policies/" + id).then().statusCode(409)
                .body("type", equalTo("https://receivables.io/problems/conflict"))
                .body("detail", org.hamcrest.Matchers.containsString(segment));

        given().when().delete("/dunning-policies/assignments/segments/" + segment).then().statusCode(204);
        given().when().delete("/dunning-policies/" + id).then().statusCode(428);
        given().header("If-Match", "\"1\"").when().delete("/dunning-policies/" + id).then().statusCode(204);

        given().when().get("/dunning-policies/" + id).then().statusCode(200).body("active", equalTo(false));
        given().when().get("/dunning-policies?limit=100").then().statusCode(200)
                .body("items.id", not(hasItem(id.toString())));
        given().when().get("/dunning-policies?limit=100&includeDeleted=true").then().statusCode(200)
                .body("items.id", hasItem(id.toString()));
        // a deleted policy is neither changed nor assigned
        given().contentType("application/json").header("If-Match", "\"1\"")
                .body(Policies.TWO_STEPS.formatted("again")).when().put("/dunning-policies/" + id).then()
                .statusCode(409);
        given().contentType("application/json").body("{\"policyId\": \"" + id + "\"}").when()
                .put("/customers/" + UUID.randomUUID() + "/dunning-policy").then().statusCode(409);
    }

    @Test
    void aCustomisedTemplateKeyMayBeUsedOnceItExistsInEnglish() {
        String key = "custom-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"name": "custom", "currency": "EUR", "steps": [
                  {"offsetDays": 1, "channels": [{"channel": "SMS", "templateKey": "%s"}]}]}""".formatted(key);
        Policies.create(body).then().statusCode(422)
                .body("type", equalTo("https://receivables.io/problems/unknown-reference"))
                .body("errors.field", hasItem("steps[0].channels[0].templateKey"));
        given().contentType("application/json")
                .body("{\"channel\": \"SMS\", \"language\": \"en\", \"parts\": {\"text\": \"Pay {totals.payable}\"}}")
                .when().put("/templates/" + key).then().statusCode(200);
        Policies.create(body).then().statusCode(201);
        // for SMS only: the key does not exist for e-mail
        Policies.create(body.replace("SMS", "EMAIL")).then().statusCode(422);
    }
}
