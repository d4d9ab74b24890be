package io.receivables.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * What every service promises an operator and an integrating engineer, whatever its domain: liveness and readiness,
 * a published OpenAPI document and UI, Prometheus metrics, and problem+json for a request it cannot serve. Each
 * service's test extends this with {@code @QuarkusTest} and its test resource.
 */
public abstract class ServiceBasicsContract {

    @Test
    void reportsLiveAndReady() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void publishesItsOpenApiDocumentAndUi() {
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("info.title", not(emptyOrNullString()));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void showsOpsItsParkedEventsAndDeadLetters() {
        // also in a service that consumes nothing yet (no consumer tables): nothing parked, no dead letters
        given().when().get("/admin/parked-events").then().statusCode(200).body("count",
                org.hamcrest.Matchers.greaterThanOrEqualTo(0));
        given().when().get("/admin/dead-letters").then().statusCode(200);
        given().when().post("/admin/dead-letters/{id}/replay", java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void answersAnUnknownPathWithProblemJson() {
        given().when().get("/no-such-resource").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/no-such-resource"));
    }
}
