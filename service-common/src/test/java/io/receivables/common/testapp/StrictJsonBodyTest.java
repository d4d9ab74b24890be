package io.receivables.common.testapp;

import static io.receivables.common.testapp.SelfTestState.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * service-common's strict JSON on its own, through Quarkus REST: a key given twice or a value Jackson would coerce is a
 * 400 problem naming the field, and nothing is written.
 */
@QuarkusTest
@TestProfile(SelfTestProfile.class)
class StrictJsonBodyTest {

    @Inject
    Pool pool;

    SelfTestState state;
    String reference = "PO-" + UUID.randomUUID();

    @BeforeEach
    void connect() {
        state = new SelfTestState(pool);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "currency  | \"currency\": \"EUR\", \"currency\": \"USD\", \"total\": \"1.00\", \"termsDays\": 30",
            "termsDays | \"currency\": \"EUR\", \"total\": \"1.00\", \"termsDays\": \"30\"",
            "termsDays | \"currency\": \"EUR\", \"total\": \"1.00\", \"termsDays\": 30.5",
            "termsDays | \"currency\": \"EUR\", \"total\": \"1.00\", \"termsDays\": true",
            "total     | \"currency\": \"EUR\", \"total\": 1.00, \"termsDays\": 30",
            "currency  | \"currency\": 978, \"total\": \"1.00\", \"termsDays\": 30",
            "dueDate   | \"currency\": \"EUR\", \"total\": \"1.00\", \"termsDays\": 30, \"dueDate\": \"2026-12-01\""
    })
    void aDuplicateKeyOrACoercedValueIsA400NamingTheField(String field, String fields) {
        given().contentType("application/json").body("{\"reference\": \"" + reference + "\", " + fields + "}")
                .post("/tracked-invoices").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(problem("validation")))
                .body("errors[0].field", equalTo(field));
        assertThat(state.count("SELECT count(*) FROM tracked_invoice WHERE reference = $1", reference)).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsA400MalformedJson() {
        given().contentType("application/json").body("{\"reference\": ").post("/tracked-invoices").then()
                .statusCode(400).contentType("application/problem+json").body("type", equalTo(problem("malformed-json")));
    }
}
