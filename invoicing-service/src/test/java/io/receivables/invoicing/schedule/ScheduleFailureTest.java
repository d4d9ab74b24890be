package io.receivables.invoicing.schedule;

import static io.receivables.invoicing.schedule.ScheduleFixtures.create;
import static io.receivables.invoicing.schedule.ScheduleFixtures.customer;
import static io.receivables.invoicing.schedule.ScheduleFixtures.customerBody;
import static io.receivables.invoicing.schedule.ScheduleFixtures.get;
import static io.receivables.invoicing.schedule.ScheduleFixtures.issuedFor;
import static io.receivables.invoicing.schedule.ScheduleFixtures.run;
import static io.receivables.invoicing.schedule.ScheduleFixtures.schedule;
import static io.receivables.invoicing.schedule.ScheduleFixtures.travelTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.receivables.invoicing.MutableClock;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A schedule that cannot issue (credit limit under policy REJECT) keeps its error, does not stop others, and retries. */
@QuarkusTest
@TestProfile(ScheduleFailureTest.RejectPolicy.class)
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class ScheduleFailureTest {

    public static class RejectPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("receivables.invoicing.credit-limit.policy", "REJECT");
        }
    }

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRefusedScheduleRecordsWhyLetsTheOthersIssueAndSucceedsOnALaterRun() {
        long name = System.nanoTime();
        String limited = given().contentType(ContentType.JSON).body(customerBody(name, ", \"creditLimit\": \"100.00\""))
                .when().post("/customers").then().statusCode(201).extract().path("id");
        String refused = create(schedule(limited, "MONTHLY", 1, "2067-01-01", "2067-02-28"));
        String fine = create(schedule(customer(null), "MONTHLY", 1, "2067-01-01", "2067-02-28"));
        travelTo(clock, LocalDate.of(2067, 2, 10));

        Response first = run();

        assertThat(issuedFor(first, fine)).hasSize(2);
        assertThat(issuedFor(first, refused)).isEmpty();
        List<Map<String, String>> failed = first.path("failed");
        assertThat(failed).filteredOn(f -> refused.equals(f.get("scheduleId")))
                .singleElement().extracting(f -> f.get("error")).asString().contains("credit limit");
        get(refused).then().body("lastError", containsString("credit limit"))
                .body("nextRunDate", equalTo("2067-01-01"))
                .body("issuedPeriods", equalTo(List.of()));

        // the credit controller raises the limit; the next run issues what was held back and clears the error
        String etag = given().when().get("/customers/" + limited).header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(customerBody(name, ", \"creditLimit\": \"1000.00\""))
                .when().put("/customers/" + limited).then().statusCode(200);
        assertThat(issuedFor(run(), refused)).extracting(i -> i.get("periodStart"))
                .containsExactly("2067-01-01", "2067-02-01");
        get(refused).then().body("lastError", nullValue()).body("status", equalTo("COMPLETED"));
    }
}
