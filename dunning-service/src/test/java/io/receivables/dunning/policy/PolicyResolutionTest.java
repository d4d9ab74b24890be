package io.receivables.dunning.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;

/** Which policy applies to a customer: its override, else its segment's, else the default; and why. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class PolicyResolutionTest {

    @Test
    void anOverrideBeatsTheSegmentWhichBeatsTheDefault() {
        UUID byDefault = Policies.created("default " + UUID.randomUUID());
        UUID ofSegment = Policies.created("segment " + UUID.randomUUID());
        UUID own = Policies.created("own " + UUID.randomUUID());
        String segment = "key-accounts-" + UUID.randomUUID().toString().substring(0, 8);
        UUID customer = UUID.randomUUID();

        assign("/dunning-policies/assignments/default", byDefault);
        resolves(customer, segment, "DEFAULT", byDefault);
        resolves(customer, null, "DEFAULT", byDefault);

        assign("/dunning-policies/assignments/segments/" + segment, ofSegment);
        resolves(customer, segment, "SEGMENT", ofSegment);
        resolves(customer, "another-segment", "DEFAULT", byDefault);
        given().when().get("/dunning-policies/assignments").then().statusCode(200)
                .body("defaultPolicy.policyId", equalTo(byDefault.toString()))
                .body("segments.find { it.segment == '" + segment + "' }.policyId", equalTo(ofSegment.toString()));

        assign("/customers/" + customer + "/dunning-policy", own);
        resolves(customer, segment, "OVERRIDE", own);
        resolves(UUID.randomUUID(), segment, "SEGMENT", ofSegment);

        given().when().delete("/customers/" + customer + "/dunning-policy").then().statusCode(204);
        resolves(customer, segment, "SEGMENT", ofSegment);
        given().when().delete("/dunning-policies/assignments/segments/" + segment).then().statusCode(204);
        resolves(customer, segment, "DEFAULT", byDefault);
        given().when().delete("/customers/" + customer + "/dunning-policy").then().statusCode(404)
                .body("type", equalTo("https://receivables.io/problems/not-found"));
    }

    @Test
    void theResolutionNamesThePolicysCurrentVersion() {
        UUID policy = Policies.created("current " + UUID.randomUUID());
        UUID customer = UUID.randomUUID();
        assign("/customers/" + customer + "/dunning-policy", policy);
        given().contentType("application/json").header("If-Match", "\"1\"")
                .body(Policies.THREE_STEPS.formatted("current, changed")).when().put("/dunning-policies/" + policy)
                .then().statusCode(200);
        given().when().get("/customers/" + customer + "/dunning-policy").then().statusCode(200)
                .body("source", equalTo("OVERRIDE")).body("policy.version", equalTo(2))
                .body("policy.steps.size()", equalTo(3));
    }

    private static void assign(String path, UUID policy) {
        given().contentType("application/json").body("{\"policyId\": \"" + policy + "\"}").when().put(path).then()
                .statusCode(200).body("policyId", equalTo(policy.toString()));
    }

    private static void resolves(UUID customer, String segment, String source, UUID policy) {
        var request = given();
        if (segment != null) {
            request.queryParam("segment", segment);
        }
        request.when().get("/customers/" + customer + "/dunning-policy").then().statusCode(200)
                .body("source", equalTo(source)).body("policy.id", equalTo(policy.toString()))
                .body("customerId", equalTo(customer.toString()));
    }
}
