package io.receivables.invoicing.schedule;

import static io.receivables.invoicing.schedule.ScheduleFixtures.customer;
import static io.receivables.invoicing.schedule.ScheduleFixtures.issuedFor;
import static io.receivables.invoicing.schedule.ScheduleFixtures.run;
import static io.receivables.invoicing.schedule.ScheduleFixtures.schedule;
import static io.receivables.invoicing.schedule.ScheduleFixtures.travelTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.security.Roles;
import io.receivables.common.testing.TestTokens;
import io.receivables.invoicing.MutableClock;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A billing schedule's changes publish no event and are audited all the same, each with its actor; a run started by
 * hand is the admin's who started it (the scheduler's own runs are system:billing-scheduler: ScheduledTriggerTest).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class ScheduleAuditTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void createPauseResumeAndAHandStartedRunAreAuditedWithTheirActors() {
        String erin = "erin-" + UUID.randomUUID().toString().substring(0, 8);
        String token = "Bearer " + TestTokens.user("sub-" + erin, erin, Roles.ACCOUNTANT);
        String id = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(schedule(customer(null), "MONTHLY", 1, "2068-03-01", "2068-03-31")).post("/billing-schedules")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", token).header("If-Match", "\"0\"").post("/billing-schedules/{id}/pause", id)
                .then().statusCode(200);
        given().header("Authorization", token).header("If-Match", "\"1\"").post("/billing-schedules/{id}/resume", id)
                .then().statusCode(200);
        travelTo(clock, LocalDate.of(2068, 3, 1));
        String invoice = issuedFor(run(), id).get(0).get("invoiceId");

        JsonPath schedule = given().queryParam("entityId", id).get("/audit").then().statusCode(200).extract()
                .jsonPath();
        assertThat(schedule.getList("items.operation")).containsExactly("runBillingSchedules",
                "resumeBillingSchedule", "pauseBillingSchedule", "createBillingSchedule");
        assertThat(schedule.getList("items.actor.username")).containsExactly("test-ar-admin", erin, erin, erin);
        assertThat(schedule.getList("items[2].summary")).contains(Map.of("field", "status", "from", "ACTIVE",
                "to", "PAUSED"));
        assertThat(schedule.getString("items[0].entityType")).isEqualTo("billing-schedule");
        JsonPath issued = given().queryParam("entityId", invoice).get("/audit").then().statusCode(200).extract()
                .jsonPath();
        assertThat(issued.getList("items.operation")).isEqualTo(List.of("invoice-issued"));
        assertThat(issued.getString("items[0].actor.username")).isEqualTo("test-ar-admin");
    }
}
