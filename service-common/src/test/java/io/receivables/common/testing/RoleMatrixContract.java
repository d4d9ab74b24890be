package io.receivables.common.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.receivables.common.security.RoleMatrix;
import io.receivables.common.security.Roles;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The role matrix holds, operation by operation, for every role: each operation of the service's OpenAPI document is
 * called with a token of each role; a role the matrix allows gets past authorization (any status but 401 and 403, never
 * a 5xx: with made-up ids and an empty body, mostly 404 or 400), any other role gets a 403 {@code forbidden}. Without
 * a token every operation is a 401 {@code unauthorized}; so is a token that expired, comes from another issuer, is
 * signed by another key or was altered after signing. Every operation is in the matrix, and the matrix names no
 * operation the service does not have. Health, metrics and the OpenAPI document need no token.
 * <p>
 * Each service's test extends this with {@code @QuarkusTest} and its test resource.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RoleMatrixContract {

    private static final String PROBLEMS = "https://receivables.io/problems/";

    /** One operation of the OpenAPI document, with what it takes to call it. */
    public record Call(String operationId, String method, String path, String contentType) {

        @Override
        public String toString() {
            return operationId + " (" + method + " " + path + ")";
        }
    }

    /** One operation called with one role's token. */
    public record Attempt(Call call, String role) {

        @Override
        public String toString() {
            return call.operationId() + " as " + role;
        }
    }

    /** The service's matrix on the class path; the self-test application names its own. */
    protected String serviceMatrix() {
        return "security/role-matrix.properties";
    }

    protected RoleMatrix matrix() {
        return RoleMatrix.load(Thread.currentThread().getContextClassLoader(), serviceMatrix());
    }

    Stream<Call> calls() {
        List<Call> calls = new ArrayList<>();
        document().path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            JsonNode content = entry.getValue().path("requestBody").path("content");
            String contentType = content.isObject() && content.fieldNames().hasNext() ? content.fieldNames().next()
                    : null;
            calls.add(new Call(entry.getValue().path("operationId").asText(), entry.getKey().toUpperCase(),
                    path.getKey(), contentType));
        }));
        return calls.stream();
    }

    Stream<Attempt> attempts() {
        return calls().flatMap(call -> Roles.ALL.stream().map(role -> new Attempt(call, role)));
    }

    @Test
    void everyOperationIsInTheMatrixAndTheMatrixNamesOnlyOperations() {
        Set<String> documented = new TreeSet<>(calls().map(Call::operationId).toList());
        Set<String> notInMatrix = new TreeSet<>(documented);
        notInMatrix.removeIf(matrix()::names);
        assertThat(notInMatrix).as("operations missing from %s (refused to everyone)", serviceMatrix()).isEmpty();
        Set<String> stale = new TreeSet<>(matrix().entries().keySet());
        stale.removeAll(documented);
        stale.removeAll(matrix().testOnly());
        assertThat(stale).as("operations in the matrix that the service does not have").isEmpty();
        matrix().entries().forEach((operation, roles) -> {
            if (!matrix().isPublic(operation)) {
                assertThat(roles).as(operation).contains(Roles.AR_ADMIN);
            }
        });
    }

    @Test
    void everyOperationDeclaresTheBearerSchemeAnd401And403() {
        JsonNode document = document();
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        List<String> defects = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            if (matrix().isPublic(operation.path("operationId").asText())) {
                // a signed webhook: documented without any security requirement, and saying what authenticates it
                if (!operation.path("security").isArray() || !operation.path("security").isEmpty()
                        || !operation.has(RoleMatrix.PUBLIC_EXTENSION)) {
                    defects.add(entry.getKey() + " " + path.getKey() + ": public-signed in the matrix but its document"
                            + " does not say security [] and " + RoleMatrix.PUBLIC_EXTENSION);
                }
                return;
            }
            if (operation.has(RoleMatrix.PUBLIC_EXTENSION)) {
                defects.add(entry.getKey() + " " + path.getKey() + ": " + RoleMatrix.PUBLIC_EXTENSION
                        + " without public-signed in the matrix");
            }
            if (!operation.path("security").path(0).has("bearer")) {
                defects.add(entry.getKey() + " " + path.getKey() + ": no bearer security");
            }
            for (String status : List.of("401", "403")) {
                if (operation.path("responses").path(status).path("content").path("application/problem+json")
                        .isMissingNode()) {
                    defects.add(entry.getKey() + " " + path.getKey() + ": " + status + " not declared");
                }
            }
        }));
        assertThat(defects).isEmpty();
    }

    /** Dynamic tests rather than a parameterized test: the operations are read from the running service. */
    @TestFactory
    Stream<DynamicTest> eachRoleGetsWhatTheMatrixSays() {
        return attempts().map(attempt -> DynamicTest.dynamicTest(attempt.toString(), () -> check(attempt)));
    }

    private void check(Attempt attempt) {
        Call call = attempt.call();
        boolean allowed = matrix().isPublic(call.operationId())
                || matrix().rolesOf(call.operationId()).contains(attempt.role());
        String token = Roles.CUSTOMER.equals(attempt.role()) ? TestTokens.customer(UUID.randomUUID())
                : TestTokens.withRoles(attempt.role());
        Response response = send(call, given().header("Authorization", "Bearer " + token));
        String body = response.asString();
        if (allowed && response.statusCode() == 503) {
            // allowed, and answered as the operation answers everyone while its dependency is down (the self-test
            // application's unreachable-database probe): not a question of roles
            assertThat(response.jsonPath().getString("type")).as("%s: allowed; body %s", attempt, body)
                    .isEqualTo(PROBLEMS + "unavailable");
        } else if (allowed) {
            assertThat(response.statusCode()).as("%s: allowed; body %s", attempt, body).isNotIn(401, 403)
                    .isLessThan(500);
        } else {
            assertThat(response.statusCode()).as("%s: not allowed; body %s", attempt, body).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("type")).isEqualTo(PROBLEMS + "forbidden");
        }
    }

    @TestFactory
    Stream<DynamicTest> withoutATokenEveryOperationIs401() {
        return calls().map(call -> DynamicTest.dynamicTest(call.toString(), () -> checkNoToken(call)));
    }

    private void checkNoToken(Call call) {
        Response response = send(call, given().noFilters());
        if (matrix().isPublic(call.operationId())) {
            // no token needed, but an unsigned request is refused by the operation itself, never served
            assertThat(response.statusCode()).as("%s; body %s", call, response.asString()).isBetween(400, 503)
                    .isNotIn(401, 403, 500);
            assertThat(response.contentType()).startsWith("application/problem+json");
            return;
        }
        assertThat(response.statusCode()).as("%s; body %s", call, response.asString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo(PROBLEMS + "unauthorized");
    }

    @Test
    void aTokenThatIsExpiredFromAnotherIssuerSignedByAnotherKeyOrAlteredIs401() {
        Call call = calls().filter(c -> c.method().equals("GET")).findFirst().orElseThrow();
        for (String token : List.of(TestTokens.expired(Roles.AR_ADMIN), TestTokens.fromAnotherIssuer(Roles.AR_ADMIN),
                TestTokens.signedByAnotherKey(Roles.AR_ADMIN), TestTokens.tampered(Roles.VIEWER), "not-a-jwt")) {
            Response response = send(call, given().header("Authorization", "Bearer " + token));
            assertThat(response.statusCode()).as("%s with %s; body %s", call, token, response.asString())
                    .isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(response.jsonPath().getString("type")).isEqualTo(PROBLEMS + "unauthorized");
        }
        // the same call with a good token gets through: the 401s above are about the tokens
        assertThat(send(call, given().header("Authorization", TestTokens.bearer(Roles.AR_ADMIN))).statusCode())
                .isNotIn(401, 403);
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentNeedNoToken() {
        given().noFilters().when().get("/q/health/ready").then().statusCode(200);
        given().noFilters().when().get("/q/health/live").then().statusCode(200);
        given().noFilters().when().get("/q/metrics").then().statusCode(200);
        given().noFilters().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200);
    }

    private static Response send(Call call, RequestSpecification request) {
        String path = call.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        if (call.contentType() != null) {
            // bytes: RestAssured encodes a string body only for the media types it knows
            request.contentType(call.contentType()).body(
                    (call.contentType().endsWith("/json") ? "{}" : "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return request.urlEncodingEnabled(false).request(call.method(), path);
    }

    private static JsonNode document() {
        try {
            return new ObjectMapper().readTree(given().noFilters().accept("application/json")
                    .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
