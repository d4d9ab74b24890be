package io.receivables.common.testapp;

import static io.receivables.common.testapp.IdempotentPostTest.body;
import static io.receivables.common.testapp.SelfTestState.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * service-common's If-Match (RFC 9110) on its own: an update needs a strong ETag of the current version; a missing
 * header, a weak tag, a stale version or a malformed header each answer their own problem type and change nothing; a
 * list of tags or {@code *} is valid.
 */
@QuarkusTest
@TestProfile(SelfTestProfile.class)
class ConditionalUpdateTest {

    String reference = "PO-" + UUID.randomUUID();

    @ParameterizedTest(name = "If-Match {0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "none      | 428 | precondition-required",
            "W/\"0\"   | 412 | precondition-failed",
            "\"7\"     | 412 | precondition-failed",
            "W/\"0\", \"7\" | 412 | precondition-failed",
            "0         | 400 | validation"
    })
    void anUpdateWithoutTheCurrentStrongTagIsRefusedAndChangesNothing(String ifMatch, int status, String type) {
        String location = create();
        var update = given().contentType("application/json").body(body(reference, "999.00"));
        if (ifMatch != null) {
            update.header("If-Match", ifMatch);
        }
        var refused = update.put(location).then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(problem(type)));
        if (status == 400) {
            refused.body("errors[0].field", equalTo("If-Match"));
        }
        given().get(location).then().statusCode(200).header("ETag", "\"0\"").body("total", equalTo("120"));
    }

    @Test
    void aListOfTagsOrAStarMatchesTheCurrentVersion() {
        String location = create();
        given().contentType("application/json").header("If-Match", "\"7\", W/\"0\", \"0\"")
                .body(body(reference, "130.00")).put(location)
                .then().statusCode(200).header("ETag", "\"1\"").body("total", equalTo("130"));
        given().contentType("application/json").header("If-Match", "*").body(body(reference, "140.00")).put(location)
                .then().statusCode(200).header("ETag", "\"2\"").body("total", equalTo("140"));
    }

    private String create() {
        return given().contentType("application/json").body(body(reference, "120.00")).post("/tracked-invoices")
                .then().statusCode(201).header("ETag", "\"0\"").extract().header("Location");
    }
}
