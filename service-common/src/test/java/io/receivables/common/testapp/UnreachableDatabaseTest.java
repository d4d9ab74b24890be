package io.receivables.common.testapp;

import static io.receivables.common.testapp.SelfTestState.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A database that cannot be reached is a 503 problem+json to retry, not a 500 (nor a hang). */
@QuarkusTest
@TestProfile(SelfTestProfile.class)
class UnreachableDatabaseTest {

    @Test
    void aRefusedDatabaseConnectionIsA503ProblemWithRetryAfter() {
        given().get("/unreachable-database").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo(problem("unavailable")))
                .body("status", equalTo(503));
    }
}
