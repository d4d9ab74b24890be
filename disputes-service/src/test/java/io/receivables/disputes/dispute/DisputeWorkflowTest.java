package io.receivables.disputes.dispute;

import static io.receivables.disputes.dispute.DisputeFixtures.change;
import static io.receivables.disputes.dispute.DisputeFixtures.etag;
import static io.receivables.disputes.dispute.DisputeFixtures.opened;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.common.testing.TestTokens;
import io.receivables.contracts.events.DisputeReopened;
import io.receivables.contracts.events.DisputeResolved;
import io.receivables.contracts.events.DisputeUpdated;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.disputes.DisputesDatabase;
import io.receivables.disputes.MutableClock;
import io.receivables.disputes.ReceivableEvents;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The workflow through the API: moves with If-Match, the illegal ones refused with the states named, assignments
 * recorded, resolutions, withdrawals and reopenings with their events; and two concurrent resolutions, of which exactly
 * one wins with exactly one event.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class DisputeWorkflowTest {

    static final String PROBLEMS = "https://receivables.io/problems/";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DisputesDatabase db;

    @Inject
    MutableClock clock;

    CloudEventProducer producer;
    ReceivableEvents events;
    DisputeFixtures fixtures;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new ReceivableEvents(producer);
        fixtures = new DisputeFixtures(events, db);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        clock.reset();
    }

    @Test
    void aDisputeIsReviewedWaitedOnReassignedAndResolvedInPartWithEveryStepOnItsTimeline() {
        UUID invoice = fixtures.invoice(UUID.randomUUID(), "EUR", "200.00");
        String id = opened(invoice, "60.00", "PRICING");
        UUID disputeId = UUID.fromString(id);

        change(id, "transitions", "\"0\"", Map.of("to", "UNDER_REVIEW")).then().statusCode(200)
                .header("ETag", "\"1\"").body("state", equalTo("UNDER_REVIEW"))
                .body("firstResponseAt", notNullValue());
        String firstResponse = given().get("/disputes/" + id).then().extract().path("firstResponseAt");
        change(id, "transitions", "\"1\"", Map.of("to", "AWAITING_CUSTOMER")).then().statusCode(200);
        change(id, "transitions", "\"2\"", Map.of("to", "UNDER_REVIEW")).then().statusCode(200)
                .body("firstResponseAt", equalTo(firstResponse));
        change(id, "assignment", "\"3\"", Map.of("team", "pricing-desk", "owner", "j.doe")).then().statusCode(200)
                .body("team", equalTo("pricing-desk")).body("owner", equalTo("j.doe"));
        JsonPath resolved = change(id, "resolution", "\"4\"", Map.of("outcome", "PARTIAL", "creditedAmount", "30.00",
                "note", "Half a day was delivered remotely; half credited.")).then().statusCode(200)
                .header("ETag", "\"5\"").extract().jsonPath();
        assertThat(resolved.getString("state")).isEqualTo("RESOLVED");
        assertThat(resolved.getString("outcome")).isEqualTo("PARTIAL");
        assertThat(resolved.getString("creditedAmount")).isEqualTo("30.00");
        assertThat(resolved.getString("resolvedAt")).isNotNull();

        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            kinds.add(db.value("SELECT kind FROM dispute_activity WHERE dispute_id = $1 ORDER BY occurred_at, id"
                    + " OFFSET " + i + " LIMIT 1", disputeId));
        }
        assertThat(kinds).containsExactly("OPENED", "STATE_CHANGED", "STATE_CHANGED", "STATE_CHANGED", "ASSIGNED",
                "RESOLVED");
        assertThat(db.value("SELECT note FROM dispute_activity WHERE dispute_id = $1 AND kind = 'ASSIGNED'",
                disputeId)).isEqualTo("from billing");
        assertThat(db.value("SELECT actor_id FROM dispute_activity WHERE dispute_id = $1 AND kind = 'RESOLVED'",
                disputeId)).isNotBlank();

        List<String> updates = db.payloads(disputeId, "dispute-updated");
        assertThat(updates).hasSize(4);
        updates.forEach(payload -> EventValidator.shared().assertValid("dispute-updated", payload));
        DisputeUpdated assignment = EventJson.read(updates.get(3), DisputeUpdated.class);
        assertThat(assignment.change()).isEqualTo(DisputeUpdated.Change.ASSIGNMENT);
        assertThat(assignment.previousTeam()).isEqualTo("billing");
        assertThat(assignment.owner()).isEqualTo("j.doe");
        List<String> resolutions = db.payloads(disputeId, "dispute-resolved");
        assertThat(resolutions).hasSize(1);
        EventValidator.shared().assertValid("dispute-resolved", resolutions.get(0));
        DisputeResolved event = EventJson.read(resolutions.get(0), DisputeResolved.class);
        assertThat(event.outcome()).isEqualTo(DisputeResolved.Outcome.PARTIAL);
        assertThat(event.creditedAmount()).isEqualByComparingTo("30.00");
        assertThat(event.disputedAmount()).isEqualByComparingTo("60.00");
        assertThat(event.resolutionNote()).isEqualTo("Half a day was delivered remotely; half credited.");

        // back to review only by a reopening, with its rules (this one credited): never by a workflow move
        change(id, "transitions", "\"5\"", Map.of("to", "UNDER_REVIEW")).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-transition"))
                .body("detail", containsString("from RESOLVED to UNDER_REVIEW"));
        change(id, "assignment", "\"5\"", Map.of("team", "billing")).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "conflict"));
    }

    @Test
    void illegalMovesStaleAndMissingIfMatchAreRefusedAndChangeNothing() {
        UUID invoice = fixtures.invoice(UUID.randomUUID(), "EUR", "100.00");
        String id = opened(invoice, "40.00", "QUALITY");
        long outbox = db.outboxRows(UUID.fromString(id));

        change(id, "transitions", "\"0\"", Map.of("to", "AWAITING_CUSTOMER")).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-transition"))
                .body("detail", containsString("from OPEN to AWAITING_CUSTOMER"))
                .body("errors[0].field", equalTo("from")).body("errors[1].field", equalTo("to"));
        change(id, "resolution", "\"0\"", Map.of("outcome", "COMPANY_FAVOUR", "note", "Delivered as ordered."))
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"))
                .body("detail", containsString("from OPEN to RESOLVED"));
        change(id, "transitions", "\"0\"", Map.of("to", "RESOLVED")).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        change(id, "transitions", "\"7\"", Map.of("to", "UNDER_REVIEW")).then().statusCode(412)
                .body("type", equalTo(PROBLEMS + "precondition-failed"));
        change(id, "transitions", null, Map.of("to", "UNDER_REVIEW")).then().statusCode(428)
                .body("type", equalTo(PROBLEMS + "precondition-required"));
        change(UUID.randomUUID().toString(), "transitions", "\"0\"", Map.of("to", "UNDER_REVIEW")).then()
                .statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));

        given().get("/disputes/" + id).then().statusCode(200).header("ETag", "\"0\"").body("state", equalTo("OPEN"))
                .body("firstResponseAt", nullValue());
        assertThat(db.outboxRows(UUID.fromString(id))).isEqualTo(outbox);
        assertThat(db.count("dispute_activity", "dispute_id = $1", UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void eachOutcomeCreditsWhatItMustAndTheNoteIsRequired() {
        UUID invoice = fixtures.invoice(UUID.randomUUID(), "EUR", "300.00");
        String favour = reviewed(invoice, "50.00");
        String partial = reviewed(invoice, "50.00");
        String company = reviewed(invoice, "50.00");

        change(favour, "resolution", "\"1\"", Map.of("outcome", "CUSTOMER_FAVOUR")).then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        change(partial, "resolution", "\"1\"", Map.of("outcome", "PARTIAL", "creditedAmount", "50.00", "note", "x"))
                .then().statusCode(400).body("errors[0].field", equalTo("creditedAmount"));
        change(partial, "resolution", "\"1\"", Map.of("outcome", "PARTIAL", "note", "x")).then().statusCode(400)
                .body("errors[0].field", equalTo("creditedAmount"));
        change(company, "resolution", "\"1\"", Map.of("outcome", "COMPANY_FAVOUR", "creditedAmount", "5.00", "note",
                "x")).then().statusCode(400).body("errors[0].field", equalTo("creditedAmount"));
        change(company, "resolution", "\"1\"", Map.of("outcome", "WITHDRAWN", "note", "x")).then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));

        change(favour, "resolution", "\"1\"", Map.of("outcome", "CUSTOMER_FAVOUR", "note", "Price list was wrong."))
                .then().statusCode(200).body("creditedAmount", equalTo("50.00"));
        change(partial, "resolution", "\"1\"", Map.of("outcome", "PARTIAL", "creditedAmount", "12.5", "note",
                "Half the freight.")).then().statusCode(200).body("creditedAmount", equalTo("12.50"));
        change(company, "resolution", "\"1\"", Map.of("outcome", "COMPANY_FAVOUR", "note", "Delivered as ordered."))
                .then().statusCode(200).body("creditedAmount", equalTo("0.00"));
        assertThat(EventJson.read(db.payloads(UUID.fromString(company), "dispute-resolved").get(0),
                DisputeResolved.class).creditedAmount()).isEqualByComparingTo("0");
    }

    @Test
    void aWithdrawalEndsTheDisputeWithOutcomeWithdrawnAndNothingCredited() {
        UUID customer = UUID.randomUUID();
        UUID invoice = fixtures.invoice(customer, "EUR", "100.00");
        String id = opened(invoice, "40.00", "NOT_RECEIVED");
        String token = TestTokens.customer(customer);

        given().header("Authorization", "Bearer " + TestTokens.customer(UUID.randomUUID())).header("If-Match", "\"0\"")
                .contentType("application/json").post("/disputes/" + id + "/withdrawal").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        given().header("Authorization", "Bearer " + token).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("note", "The parcel turned up.")).post("/disputes/" + id + "/withdrawal").then()
                .statusCode(200).body("state", equalTo("WITHDRAWN")).body("outcome", equalTo("WITHDRAWN"))
                .body("creditedAmount", equalTo("0.00")).body("firstResponseAt", nullValue());
        DisputeResolved event = EventJson.read(db.payloads(UUID.fromString(id), "dispute-resolved").get(0),
                DisputeResolved.class);
        assertThat(event.outcome()).isEqualTo(DisputeResolved.Outcome.WITHDRAWN);
        assertThat(event.creditedAmount()).isEqualByComparingTo("0");
        change(id, "withdrawal", "*", null).then().statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"));
        change(id, "reopening", "*", null).then().statusCode(409).body("type", equalTo(PROBLEMS + "conflict"));
    }

    @Test
    void ofTwoConcurrentResolutionsExactlyOneWinsWithExactlyOneEvent() throws Exception {
        UUID invoice = fixtures.invoice(UUID.randomUUID(), "EUR", "100.00");
        for (String ifMatch : List.of("\"1\"", "*")) {
            String id = reviewed(invoice, "10.00");
            CyclicBarrier barrier = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (String outcome : List.of("CUSTOMER_FAVOUR", "COMPANY_FAVOUR")) {
                    answers.add(pool.submit(() -> {
                        barrier.await();
                        return change(id, "resolution", ifMatch, Map.of("outcome", outcome, "note", "Decided."))
                                .statusCode();
                    }));
                }
                List<Integer> statuses = List.of(answers.get(0).get(), answers.get(1).get());
                assertThat(statuses).as("If-Match " + ifMatch).containsOnlyOnce(200);
                assertThat(statuses).as("If-Match " + ifMatch).containsAnyOf(409, 412);
            } finally {
                pool.shutdownNow();
            }
            assertThat(db.payloads(UUID.fromString(id), "dispute-resolved")).hasSize(1);
            assertThat(db.count("dispute_activity", "dispute_id = $1 AND kind = 'RESOLVED'", UUID.fromString(id)))
                    .isEqualTo(1);
        }
    }

    @Test
    void aResolutionThatCreditedNothingIsReopenedWithinTheWindowCappedByWhatIsOpenNow() {
        UUID customer = UUID.randomUUID();
        UUID invoice = fixtures.invoice(customer, "EUR", "100.00");
        String id = reviewed(invoice, "60.00");
        change(id, "resolution", "\"1\"", Map.of("outcome", "COMPANY_FAVOUR", "note", "Delivered as ordered.")).then()
                .statusCode(200);
        events.paid(customer, UUID.randomUUID(), invoice, "EUR", "55.00", null);
        fixtures.awaitOpen(invoice, "45.00");
        clock.advance(Duration.ofDays(29));

        change(id, "reopening", "\"2\"", Map.of("note", "The carrier's damage report arrived.")).then().statusCode(200)
                .header("ETag", "\"3\"").body("state", equalTo("UNDER_REVIEW")).body("reopenedCount", equalTo(1))
                .body("disputedAmount", equalTo("45.00")).body("outcome", nullValue())
                .body("resolvedAt", nullValue());
        List<String> reopened = db.payloads(UUID.fromString(id), "dispute-reopened");
        assertThat(reopened).hasSize(1);
        EventValidator.shared().assertValid("dispute-reopened", reopened.get(0));
        DisputeReopened event = EventJson.read(reopened.get(0), DisputeReopened.class);
        assertThat(event.disputedAmount()).isEqualByComparingTo("45.00");
        assertThat(event.reason()).isEqualTo("The carrier's damage report arrived.");
        assertThat(db.count("dispute_activity", "dispute_id = $1 AND kind = 'REOPENED' AND from_state = 'RESOLVED'"
                + " AND to_state = 'UNDER_REVIEW'", UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void aCreditedDisputeOrOnePastTheWindowIsNotReopened() {
        UUID invoice = fixtures.invoice(UUID.randomUUID(), "EUR", "100.00");
        String credited = reviewed(invoice, "20.00");
        change(credited, "resolution", "\"1\"", Map.of("outcome", "PARTIAL", "creditedAmount", "5.00", "note", "x"))
                .then().statusCode(200);
        String late = reviewed(invoice, "20.00");
        change(late, "resolution", "\"1\"", Map.of("outcome", "COMPANY_FAVOUR", "note", "x")).then().statusCode(200);

        change(credited, "reopening", "\"2\"", null).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "dispute-credited"))
                .body("detail", containsString("open a new dispute"));
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        change(late, "reopening", "\"2\"", null).then().statusCode(409).body("type", equalTo(PROBLEMS + "conflict"))
                .body("detail", containsString("30 days"));
        assertThat(db.payloads(UUID.fromString(credited), "dispute-reopened")).isEmpty();
        assertThat(db.payloads(UUID.fromString(late), "dispute-reopened")).isEmpty();
    }

    @Test
    void theListingFiltersByStateOwnerTeamCustomerInvoiceReasonAgeAndSlaAndPagesByCursor() {
        UUID customer = UUID.randomUUID();
        UUID invoice = fixtures.invoice(customer, "EUR", "1000.00");
        String first = opened(invoice, "10.00", "PRICING");
        String second = opened(invoice, "10.00", "QUANTITY");
        String third = reviewed(invoice, "10.00");
        change(third, "assignment", "\"1\"", Map.of("team", "pricing-desk", "owner", "j.doe")).then().statusCode(200);
        db.value("UPDATE dispute SET resolution_breached_at = now() WHERE id = $1 RETURNING id",
                UUID.fromString(second));

        assertThat(ids(Map.of("invoiceId", invoice.toString()))).containsExactly(third, second, first);
        assertThat(ids(Map.of("customerId", customer.toString(), "state", "UNDER_REVIEW"))).containsExactly(third);
        assertThat(ids(Map.of("invoiceId", invoice.toString(), "owner", "j.doe"))).containsExactly(third);
        assertThat(ids(Map.of("invoiceId", invoice.toString(), "team", "pricing-desk"))).containsExactly(third);
        assertThat(ids(Map.of("invoiceId", invoice.toString(), "reasonCode", "QUANTITY"))).containsExactly(second);
        assertThat(ids(Map.of("invoiceId", invoice.toString(), "slaBreached", "true"))).containsExactly(second);
        assertThat(ids(Map.of("invoiceId", invoice.toString(), "slaBreached", "false"))).containsExactly(third, first);
        assertThat(ids(Map.of("invoiceId", invoice.toString(), "olderThanDays", "1"))).isEmpty();
        clock.advance(Duration.ofDays(2));
        assertThat(ids(Map.of("invoiceId", invoice.toString(), "olderThanDays", "1"))).hasSize(3);

        Map<String, String> paged = new HashMap<>(Map.of("invoiceId", invoice.toString(), "limit", "2"));
        JsonPath page = given().queryParams(paged).get("/disputes").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id", String.class)).containsExactly(third, second);
        paged.put("cursor", page.getString("nextCursor"));
        JsonPath next = given().queryParams(paged).get("/disputes").then().statusCode(200).extract().jsonPath();
        assertThat(next.getList("items.id", String.class)).containsExactly(first);
        assertThat(next.getString("nextCursor")).isNull();
    }

    private static List<String> ids(Map<String, String> filters) {
        return given().queryParams(filters).get("/disputes").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
    }

    /** A dispute opened and taken into review: its ETag is "1". */
    private static String reviewed(UUID invoice, String amount) {
        String id = opened(invoice, amount, "PRICING");
        change(id, "transitions", etag(id), Map.of("to", "UNDER_REVIEW")).then().statusCode(200);
        return id;
    }
}
