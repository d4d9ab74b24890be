package io.receivables.common.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    void publishesAnOpenApiDocumentAClientCanBeGeneratedFrom() throws Exception {
        JsonNode document = new ObjectMapper().readTree(
                given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                        .extract().asString());
        assertThat(document.path("servers").size()).as("servers").isPositive();
        List<String> defects = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String operation = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode responses = entry.getValue().path("responses");
            if (entry.getValue().path("operationId").asText().isEmpty()) {
                defects.add(operation + ": no operationId");
            }
            // the HTTP edge answers these for any operation (414) or any with a body (413, 415), as problem+json
            List<String> edge = entry.getValue().has("requestBody") ? List.of("413", "414", "415") : List.of("414");
            for (String status : edge) {
                if (responses.path(status).path("content").path("application/problem+json").isMissingNode()) {
                    defects.add(operation + ": " + status + " not declared as problem+json");
                }
            }
            for (JsonNode parameter : entry.getValue().path("parameters")) {
                if ("If-Match".equals(parameter.path("name").asText()) && responses.has("428")
                        && !parameter.path("required").asBoolean()) {
                    defects.add(operation + ": answers 428 without If-Match, yet does not require it");
                }
            }
            responses.properties().forEach(response -> {
                JsonNode etag = response.getValue().path("headers").path("ETag");
                if (!etag.isMissingNode() && etag.path("schema").path("type").isMissingNode()) {
                    defects.add(operation + " " + response.getKey() + ": ETag header without a schema");
                }
            });
        }));
        document.path("components").path("schemas").properties().forEach(schema -> {
            if (schema.getKey().matches(".*[A-Za-z]\\d+")) {
                defects.add("schema " + schema.getKey() + ": a numbered name, two types share a simple name");
            }
        });
        document.findValues("pattern").forEach(pattern -> {
            if (pattern.isTextual() && !(pattern.asText().startsWith("^") && pattern.asText().endsWith("$"))) {
                defects.add("pattern " + pattern.asText() + " is not anchored, unlike the server's");
            }
        });
        assertThat(defects).isEmpty();
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
