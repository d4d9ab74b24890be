package io.receivables.disputes.dispute;

import static io.receivables.disputes.dispute.DisputeFixtures.open;
import static io.receivables.disputes.dispute.DisputeFixtures.opened;
import static io.receivables.disputes.dispute.DisputeFixtures.opening;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
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
import io.receivables.contracts.events.DisputeOpened;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.disputes.DisputesDatabase;
import io.receivables.disputes.ReceivableEvents;
import io.receivables.disputes.sla.service.DisputeSlas;
import io.receivables.disputes.sla.service.SlaDueTimes;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Opening a dispute against the read model: what is open, minus what the invoice's other active disputes hold; every
 * refusal is a precise problem that writes nothing; concurrent openings never together dispute more than is open.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class DisputeOpeningTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DisputesDatabase db;

    @Inject
    RecordingOpeningStep steps;

    @Inject
    DisputeSlas slas;

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
    }

    @Test
    void opensPartOfAnInvoiceOnItsLinesRoutesItAndPublishesDisputeOpened() {
        UUID customer = UUID.randomUUID();
        UUID invoice = fixtures.invoice(customer, "EUR", "120.00", "80.00");
        Map<String, Object> body = new HashMap<>(opening(invoice, "120.00", "DAMAGED_GOODS"));
        body.put("disputedLines", List.of(1));
        body.put("currency", "EUR");

        var response = open(body).then().statusCode(201).header("ETag", "\"0\"").extract();
        JsonPath dispute = response.jsonPath();
        String id = dispute.getString("id");
        assertThat(response.header("Location")).endsWith("/disputes/" + id);
        assertThat(dispute.getString("state")).isEqualTo("OPEN");
        assertThat(dispute.getString("disputedAmount")).isEqualTo("120.00");
        assertThat(dispute.getList("disputedLines")).containsExactly(1);
        assertThat(dispute.getString("customerId")).isEqualTo(customer.toString());
        assertThat(dispute.getString("invoiceNumber")).isEqualTo(ReceivableEvents.number(invoice));
        assertThat(dispute.getString("team")).as("routing: goods go to fulfilment").isEqualTo("fulfilment");
        assertThat(dispute.getString("owner")).isNull();
        assertThat(dispute.getString("contact.email")).isEqualTo("ap@globex.example");

        List<String> payloads = db.payloads(UUID.fromString(id), "dispute-opened");
        assertThat(payloads).hasSize(1);
        EventValidator.shared().assertValid("dispute-opened", payloads.get(0));
        DisputeOpened opened = EventJson.read(payloads.get(0), DisputeOpened.class);
        assertThat(opened.invoiceId()).isEqualTo(invoice);
        assertThat(opened.disputedAmount()).isEqualByComparingTo("120.00");
        assertThat(opened.reasonCode()).isEqualTo(DisputeOpened.ReasonCode.DAMAGED_GOODS);
        assertThat(opened.actor()).isNotNull();
        // the SLA clock started with the opening: due times in business days from it, the resolution's on the event
        SlaDueTimes due = slas.dueTimes(ReasonCode.DAMAGED_GOODS, Instant.parse(dispute.getString("openedAt")), null);
        assertThat(Instant.parse(dispute.getString("firstResponseDueAt"))).isEqualTo(due.firstResponseDueAt());
        assertThat(Instant.parse(dispute.getString("resolutionDueAt"))).isEqualTo(due.resolutionDueAt());
        assertThat(opened.slaDueAt()).isEqualTo(due.resolutionDueAt());
        assertThat(db.count("dispute_activity", "dispute_id = $1 AND kind = 'OPENED' AND to_state = 'OPEN'",
                UUID.fromString(id))).isEqualTo(1);
        given().get("/disputes/" + id).then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id));
        assertThat(steps.saw(id)).as("the other parts' opening steps ran").isTrue();
    }

    @Test
    void routingRulesChooseTheTeamByReasonCodeAndAmountAndTheDefaultTeamTakesTheRest() {
        UUID customer = UUID.randomUUID();
        UUID large = fixtures.invoice(customer, "EUR", "25000.00");
        UUID small = fixtures.invoice(customer, "EUR", "500.00");
        UUID other = fixtures.invoice(customer, "EUR", "500.00");

        open(opening(large, "12000.00", "PRICING")).then().statusCode(201).body("team", equalTo("key-accounts"));
        open(opening(small, "100.00", "PRICING")).then().statusCode(201).body("team", equalTo("billing"));
        open(opening(other, "100.00", "OTHER")).then().statusCode(201).body("team", equalTo("collections"));
    }

    @Test
    void severalDisputesOfAnInvoiceNeverTogetherDisputeMoreThanIsOpenOnIt() {
        UUID customer = UUID.randomUUID();
        UUID invoice = fixtures.invoice(customer, "EUR", "100.00");
        events.paid(customer, UUID.randomUUID(), invoice, "EUR", "20.00", null);
        fixtures.awaitOpen(invoice, "80.00");
        opened(invoice, "50.00", "PRICING");

        open(opening(invoice, "30.01", "QUANTITY")).then().statusCode(400)
                .body("type", equalTo("https://receivables.io/problems/validation"))
                .body("errors[0].field", equalTo("disputedAmount"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("30.00"));
        opened(invoice, "30.00", "QUANTITY");
        assertThat(db.count("dispute", "invoice_id = $1", invoice)).isEqualTo(2);
    }

    @Test
    void concurrentOpeningsOnOneInvoiceQueueOnItsRowAndNeverTogetherExceedWhatIsOpen() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID invoice = fixtures.invoice(customer, "EUR", "100.00");
        int clients = 6;
        CyclicBarrier barrier = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                statuses.add(pool.submit(() -> {
                    barrier.await();
                    return open(opening(invoice, "30.00", "QUALITY")).statusCode();
                }));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertThat(answers).filteredOn(status -> status == 201).as("3 x 30.00 fit in 100.00, a 4th does not")
                    .hasSize(3);
            assertThat(answers).filteredOn(status -> status == 400).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.value("SELECT sum(disputed_amount) FROM dispute WHERE invoice_id = $1", invoice))
                .isEqualTo("90.0000");
        assertThat(db.count("outbox", "type = 'dispute-opened' AND payload->>'invoiceId' = $1", invoice.toString()))
                .isEqualTo(3);
    }

    @Test
    void refusalsAreExactProblemsAndWriteNothing() {
        UUID customer = UUID.randomUUID();
        UUID invoice = fixtures.invoice(customer, "EUR", "60.00", "40.00");
        UUID voided = fixtures.invoice(customer, "EUR", "40.00");
        events.voided(customer, voided, "EUR", "40.00");
        UUID writtenOff = fixtures.invoice(customer, "EUR", "40.00");
        events.writtenOff(customer, writtenOff, "EUR", "40.00");
        UUID paid = fixtures.invoice(customer, "EUR", "40.00");
        events.paid(customer, UUID.randomUUID(), paid, "EUR", "40.00", null);
        fixtures.awaitOpen(voided, "0");
        fixtures.awaitOpen(writtenOff, "0");
        fixtures.awaitOpen(paid, "0");
        long disputes = db.count("dispute");
        long outbox = db.count("outbox");

        open(opening(UUID.randomUUID(), "10.00", "PRICING")).then().statusCode(422)
                .body("type", equalTo("https://receivables.io/problems/unknown-reference"))
                .body("errors[0].field", equalTo("invoiceId"));
        for (UUID closed : List.of(voided, writtenOff, paid)) {
            open(opening(closed, "10.00", "PRICING")).then().statusCode(409)
                    .body("type", equalTo("https://receivables.io/problems/invoice-not-disputable"));
        }
        Map<String, Object> otherCurrency = new HashMap<>(opening(invoice, "10.00", "PRICING"));
        otherCurrency.put("currency", "USD");
        rejects(otherCurrency, "currency");
        rejects(opening(invoice, "10.001", "PRICING"), "disputedAmount");
        rejects(opening(invoice, "100.01", "PRICING"), "disputedAmount");
        rejects(opening(invoice, "0.00", "PRICING"), "disputedAmount");
        rejects(opening(invoice, "10.00", "CHARGEBACK"), "reasonCode");
        Map<String, Object> unknownLine = new HashMap<>(opening(invoice, "10.00", "PRICING"));
        unknownLine.put("disputedLines", List.of(2, 3));
        rejects(unknownLine, "disputedLines[1]");
        Map<String, Object> lineTwice = new HashMap<>(opening(invoice, "10.00", "PRICING"));
        lineTwice.put("disputedLines", List.of(1, 1));
        rejects(lineTwice, "disputedLines[1]");
        Map<String, Object> unreachable = new HashMap<>(opening(invoice, "10.00", "PRICING"));
        unreachable.put("contact", Map.of("name", "Ana Ruiz"));
        rejects(unreachable, "contact");

        assertThat(db.count("dispute")).isEqualTo(disputes);
        assertThat(db.count("outbox")).isEqualTo(outbox);
    }

    @Test
    void aCustomerOpensAndSeesOnlyItsOwnCustomersDisputes() {
        UUID customer = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        UUID own = fixtures.invoice(customer, "EUR", "100.00");
        UUID theirs = fixtures.invoice(stranger, "EUR", "100.00");
        String token = TestTokens.customer(customer);

        String mine = open(token, opening(own, "10.00", "NOT_RECEIVED")).then().statusCode(201).extract().path("id");
        open(token, opening(theirs, "10.00", "NOT_RECEIVED")).then().statusCode(422)
                .body("type", equalTo("https://receivables.io/problems/unknown-reference"));
        String strangers = opened(theirs, "10.00", "NOT_RECEIVED");

        given().header("Authorization", "Bearer " + token).get("/disputes/" + strangers).then().statusCode(404)
                .body("type", equalTo("https://receivables.io/problems/not-found"));
        given().header("Authorization", "Bearer " + token).get("/disputes/" + mine).then().statusCode(200);
        List<String> listed = given().header("Authorization", "Bearer " + token)
                .queryParam("customerId", stranger.toString()).get("/disputes").then().statusCode(200).extract()
                .path("items.id");
        assertThat(listed).isEmpty();
        listed = given().header("Authorization", "Bearer " + token).get("/disputes").then().statusCode(200).extract()
                .path("items.id");
        assertThat(listed).containsExactly(mine);
    }

    @Test
    void theSameIdempotencyKeyOpensOnce() {
        UUID invoice = fixtures.invoice(UUID.randomUUID(), "EUR", "100.00");
        String key = "open-" + UUID.randomUUID();
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(opening(invoice, "10.00", "OTHER")).post("/disputes").then().statusCode(201).extract().path("id");
        String again = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(opening(invoice, "10.00", "OTHER")).post("/disputes").then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(db.count("dispute", "invoice_id = $1", invoice)).isEqualTo(1);
    }

    private static void rejects(Object body, String field) {
        open(body).then().statusCode(400).body("type", equalTo("https://receivables.io/problems/validation"))
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }
}
