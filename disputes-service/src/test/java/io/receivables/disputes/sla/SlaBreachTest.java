package io.receivables.disputes.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.time.BusinessCalendar;
import io.receivables.contracts.events.DisputeSlaBreached;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.disputes.DisputeRows;
import io.receivables.disputes.MutableClock;
import io.receivables.disputes.sla.service.DisputeSlas;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The SLA check against real PostgreSQL: a due time passed unanswered is stamped and published once, by one of two
 * runs at the same moment, and never again; an answered or resolved dispute is not breached. The clock is moved past
 * the due times instead of waiting. Disputes are inserted by {@link DisputeRows} (POST /disputes was built in
 * parallel).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class SlaBreachTest {

    private static final String TYPE = "dispute-sla-breached";

    @Inject
    DisputeRows rows;

    @Inject
    MutableClock clock;

    @Inject
    DisputeSlas slas;

    @Inject
    BusinessCalendar calendar;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPassedDueTimeIsStampedWithItsActivityAndOneEvent() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        UUID id = rows.insert(DisputeRows.of().reason("DAMAGED_GOODS").owner("jane.doe")
                .due(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(5))));

        assertThat(run().getList("breached.disputeId")).doesNotContain(id.toString());
        assertThat(rows.events(id, TYPE)).isEmpty();

        clock.advance(Duration.ofHours(2));
        JsonPath report = run();

        assertThat(breachesOf(report, id)).containsExactly("FIRST_RESPONSE");
        assertThat(rows.value("SELECT first_response_breached_at FROM dispute WHERE id = $1", id)).isNotNull();
        assertThat(rows.value("SELECT resolution_breached_at FROM dispute WHERE id = $1", id)).isNull();
        assertThat(rows.value("SELECT version FROM dispute WHERE id = $1", id)).isEqualTo(1L);
        List<String> events = rows.events(id, TYPE);
        assertThat(events).hasSize(1);
        EventValidator.shared().assertValid(TYPE, events.get(0));
        DisputeSlaBreached event = EventJson.read(events.get(0), DisputeSlaBreached.class);
        assertThat(event.kind()).isEqualTo(DisputeSlaBreached.Kind.FIRST_RESPONSE);
        assertThat(event.dueAt()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(event.breachedAt()).isAfter(event.dueAt());
        assertThat(event.reasonCode()).isEqualTo("DAMAGED_GOODS");
        assertThat(event.state()).isEqualTo("OPEN");
        assertThat(event.team()).isEqualTo("billing");
        assertThat(event.owner()).isEqualTo("jane.doe");
        assertThat(event.actor().id()).isEqualTo("system:dispute-sla-checker");
        assertThat(rows.count("dispute_activity", "dispute_id = $1 AND kind = 'SLA_BREACHED' AND actor_kind = 'SYSTEM'"
                + " AND note LIKE '%FIRST_RESPONSE%'", id)).isEqualTo(1);

        clock.advance(Duration.ofHours(4));
        assertThat(breachesOf(run(), id)).containsExactly("RESOLUTION");
        assertThat(rows.events(id, TYPE)).hasSize(2);
        assertThat(rows.count("dispute_activity", "dispute_id = $1 AND kind = 'SLA_BREACHED'", id)).isEqualTo(2);
    }

    @Test
    void anAnsweredOrResolvedDisputeIsNotBreached() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant firstDue = now.plus(Duration.ofHours(1));
        Instant resolutionDue = now.plus(Duration.ofHours(3));
        UUID answered = rows.insert(DisputeRows.of().due(firstDue, resolutionDue).answered(now));
        UUID resolved = rows.insert(DisputeRows.of().due(firstDue, resolutionDue).resolved(now, "COMPANY_FAVOUR"));
        UUID withdrawn = rows.insert(DisputeRows.of().due(firstDue, resolutionDue).resolved(now, "WITHDRAWN"));
        UUID noSla = rows.insert(DisputeRows.of());

        clock.advance(Duration.ofHours(2));
        JsonPath firstRun = run();
        clock.advance(Duration.ofHours(2));
        JsonPath secondRun = run();

        for (UUID id : List.of(resolved, withdrawn, noSla)) {
            assertThat(breachesOf(firstRun, id)).isEmpty();
            assertThat(breachesOf(secondRun, id)).isEmpty();
            assertThat(rows.events(id, TYPE)).isEmpty();
        }
        // answered in time: only the resolution, once its due time has passed
        assertThat(breachesOf(firstRun, answered)).isEmpty();
        assertThat(breachesOf(secondRun, answered)).containsExactly("RESOLUTION");
        assertThat(rows.events(answered, TYPE)).hasSize(1);
    }

    @Test
    void twoRunsAtTheSameMomentPublishEachBreachOnce() throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(rows.insert(DisputeRows.of().due(now.minusSeconds(60), now.minusSeconds(30))));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<JsonPath>> runs = List.of(
                    CompletableFuture.supplyAsync(() -> runAfter(together), threads),
                    CompletableFuture.supplyAsync(() -> runAfter(together), threads));
            JsonPath one = runs.get(0).get();
            JsonPath other = runs.get(1).get();

            for (UUID id : ids) {
                List<String> kinds = new ArrayList<>(breachesOf(one, id));
                kinds.addAll(breachesOf(other, id));
                assertThat(kinds).as("breaches of %s stamped by the two runs together", id)
                        .containsExactlyInAnyOrder("FIRST_RESPONSE", "RESOLUTION");
                assertThat(rows.events(id, TYPE)).hasSize(2);
                assertThat(rows.count("dispute_activity", "dispute_id = $1 AND kind = 'SLA_BREACHED'", id))
                        .isEqualTo(2);
            }
        } finally {
            threads.shutdownNow();
        }

        // a restart-like later run finds nothing new
        clock.advance(Duration.ofMinutes(5));
        JsonPath later = run();
        for (UUID id : ids) {
            assertThat(breachesOf(later, id)).isEmpty();
            assertThat(rows.events(id, TYPE)).hasSize(2);
        }
    }

    @Test
    void theListFilterAndTheDisputeShowTheStampedBreaches() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        DisputeRows.NewDispute late = DisputeRows.of().due(now.minusSeconds(10), now.plus(Duration.ofDays(3)));
        DisputeRows.NewDispute onTime = DisputeRows.of().due(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)));
        UUID breached = rows.insert(late);
        UUID answeredInTime = rows.insert(onTime);
        run();

        for (DisputeRows.NewDispute row : List.of(late, onTime)) {
            boolean isLate = row == late;
            given().queryParam("customerId", row.customerId.toString()).queryParam("slaBreached", isLate)
                    .get("/disputes").then().statusCode(200)
                    .body("items.id", contains((isLate ? breached : answeredInTime).toString()));
            given().queryParam("customerId", row.customerId.toString()).queryParam("slaBreached", !isLate)
                    .get("/disputes").then().statusCode(200).body("items", empty());
        }
        given().get("/disputes/" + breached).then().statusCode(200)
                .body("firstResponseBreachedAt", notNullValue()).body("resolutionBreachedAt", nullValue())
                .body("firstResponseDueAt", equalTo(now.minusSeconds(10).toString()));
    }

    @Test
    void onlyAnAdminRunsTheCheck() {
        given().noFilters().post("/disputes/sla-checks").then().statusCode(401);
    }

    private static JsonPath run() {
        return given().post("/disputes/sla-checks").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath runAfter(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return run();
    }

    private static List<String> breachesOf(JsonPath report, UUID id) {
        return report.getList("breached.findAll { it.disputeId == '" + id + "' }.kind");
    }
}
