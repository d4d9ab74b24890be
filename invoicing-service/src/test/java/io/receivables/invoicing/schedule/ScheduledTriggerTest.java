package io.receivables.invoicing.schedule;

import static io.receivables.invoicing.schedule.ScheduleFixtures.catchingUpFrom;
import static io.receivables.invoicing.schedule.ScheduleFixtures.create;
import static io.receivables.invoicing.schedule.ScheduleFixtures.customer;
import static io.receivables.invoicing.schedule.ScheduleFixtures.get;
import static io.receivables.invoicing.schedule.ScheduleFixtures.schedule;
import static io.receivables.invoicing.schedule.ScheduleFixtures.travelTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
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

/** With the scheduler on (as in production), a started period is issued without anyone calling /run. */
@QuarkusTest
@TestProfile(ScheduledTriggerTest.SchedulerOn.class)
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class ScheduledTriggerTest {

    public static class SchedulerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("receivables.invoicing.schedules.interval", "1s");
        }
    }

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSchedulerIssuesAStartedPeriodByItself() {
        travelTo(clock, LocalDate.of(2067, 6, 10));
        String id = create(catchingUpFrom(schedule(customer(null), "MONTHLY", 1, "2067-06-01", "2067-06-30"), "2067-06-01"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(id).then()
                .body("issuedPeriods.periodStart", equalTo(List.of("2067-06-01")))
                .body("status", equalTo("COMPLETED")));

        // issued by the scheduler itself: its system actor on the invoice's and the schedule's audit entries
        String invoice = get(id).then().extract().path("issuedPeriods[0].invoiceId");
        assertThat(given().queryParam("entityId", invoice).get("/audit").then().statusCode(200).extract().jsonPath()
                .getMap("items[0].actor")).isEqualTo(Map.of("kind", "SYSTEM", "id", "system:billing-scheduler"));
        assertThat(given().queryParam("entityId", id).queryParam("actor", "system:billing-scheduler").get("/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.operation"))
                .containsExactly("runBillingSchedules");
    }
}
