package io.receivables.dunning.policy;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.response.Response;

/** Test helpers: a valid policy body and its creation through the API. */
final class Policies {

    static final String TWO_STEPS = """
            {"name": "%s", "currency": "EUR", "steps": [
              {"offsetDays": 3, "channels": [{"channel": "EMAIL", "templateKey": "reminder-1"}]},
              {"offsetDays": 14, "channels": [{"channel": "EMAIL", "templateKey": "reminder-2"},
                {"channel": "SMS", "templateKey": "reminder-2"}], "minimumOverdue": "20.00",
               "fee": {"amount": "5.00", "statutoryInterest": true}}]}""";

    static final String THREE_STEPS = """
            {"name": "%s", "currency": "EUR", "steps": [
              {"offsetDays": -3, "channels": [{"channel": "EMAIL", "templateKey": "reminder-1"}]},
              {"offsetDays": 7, "channels": [{"channel": "LETTER", "templateKey": "reminder-2"}]},
              {"offsetDays": 30, "channels": [{"channel": "PHONE_TASK", "templateKey": "final-notice"}],
               "escalation": "AGENCY"}]}""";

    private Policies() {
    }

    static Response create(String body) {
        return given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).when().post("/dunning-policies");
    }

    static UUID created(String name) {
        return UUID.fromString(create(TWO_STEPS.formatted(name)).then().statusCode(201).extract().path("id"));
    }
}
