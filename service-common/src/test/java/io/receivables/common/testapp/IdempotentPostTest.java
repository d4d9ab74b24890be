package io.receivables.common.testapp;

import static io.receivables.common.testapp.SelfTestState.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * service-common's Idempotency on its own: a retried POST gets the first response back and writes once, also when the
 * retries race; the same key with another body is refused with its own problem type; a refused request records
 * nothing, so the corrected one may use the key.
 */
@QuarkusTest
@TestProfile(SelfTestProfile.class)
class IdempotentPostTest {

    @Inject
    Pool pool;

    SelfTestState state;
    String reference = "PO-" + UUID.randomUUID();

    @BeforeEach
    void connect() {
        state = new SelfTestState(pool);
    }

    @Test
    void aRetryGetsTheFirstResponseBackAndWritesOnce() {
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = post(key, body(reference, "120.00"));
        ExtractableResponse<Response> retry = post(key, body(reference, "120.00"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body().asString()).isEqualTo(first.body().asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(rows(reference)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        assertThat(post(key, body(reference, "120.00")).statusCode()).isEqualTo(201);
        String other = "PO-" + UUID.randomUUID();

        given().contentType("application/json").header("Idempotency-Key", key).body(body(other, "99.00"))
                .post("/tracked-invoices").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(problem("idempotency-key-reused")));
        assertThat(rows(reference)).isEqualTo(1);
        assertThat(rows(other)).isZero();
    }

    @Test
    void racingRetriesWriteOnceAndAllGetTheSameResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        Callable<ExtractableResponse<Response>> retry = () -> post(key, body(reference, "120.00"));
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<ExtractableResponse<Response>>> responses = clients.invokeAll(Collections.nCopies(6, retry));
            String location = responses.get(0).get().header("Location");
            for (Future<ExtractableResponse<Response>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(201);
                assertThat(response.get().header("Location")).isEqualTo(location);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(rows(reference)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestRecordsNothingSoTheCorrectedOneMayUseTheKey() {
        String key = UUID.randomUUID().toString();
        given().contentType("application/json").header("Idempotency-Key", key).body(body(reference, "1.2.3"))
                .post("/tracked-invoices").then().statusCode(400).body("errors[0].field", equalTo("total"));

        assertThat(post(key, body(reference, "1.23")).statusCode()).isEqualTo(201);
        assertThat(rows(reference)).isEqualTo(1);
    }

    @Test
    void aKeyLongerThan255CharactersIsA400NamingTheHeader() {
        given().contentType("application/json").header("Idempotency-Key", "k".repeat(256)).body(body(reference, "1.00"))
                .post("/tracked-invoices").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(problem("validation")))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(rows(reference)).isZero();
    }

    static String body(String reference, String total) {
        return """
                {"reference": "%s", "currency": "EUR", "total": "%s", "termsDays": 30}""".formatted(reference, total);
    }

    private static ExtractableResponse<Response> post(String key, String body) {
        return given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/tracked-invoices").then().extract();
    }

    private long rows(String reference) {
        return state.count("SELECT count(*) FROM tracked_invoice WHERE reference = $1", reference);
    }
}
