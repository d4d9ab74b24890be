package io.receivables.common.testapp;

import static io.receivables.common.testapp.SelfTestState.DEADLINE;
import static io.receivables.common.testapp.SelfTestState.credited;
import static io.receivables.common.testapp.SelfTestState.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.receivables.contracts.events.EventType;
import io.receivables.local.Polling;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * service-common's consumer side on its own, through the self-test application's consumer: the inbox applies an event
 * once however often it is delivered, an event that arrives before what it refers to waits and then applies, an event
 * that can never apply becomes a dead letter (table and topic) without holding the ones behind it, and a replayed dead
 * letter applies once.
 */
@QuarkusTest
@TestProfile(SelfTestProfile.class)
class ConsumedEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    TestEvents events;
    SelfTestState state;
    UUID customer = UUID.randomUUID();

    @BeforeEach
    void connect() {
        events = new TestEvents(bootstrap);
        state = new SelfTestState(pool);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void aDuplicatedEventWhoseSecondApplyWouldCreditTwiceIsAppliedOnce() {
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "EUR", "100.00");
        UUID duplicated = UUID.randomUUID();
        String body = events.creditNoteBody(customer, invoice, "EUR", "30.00").toString();
        events.send(duplicated, customer, EventType.CREDIT_NOTE_ISSUED, invoice, body);
        events.send(duplicated, customer, EventType.CREDIT_NOTE_ISSUED, invoice, body);
        // same key, so same partition: once the sentinel is applied, the second delivery has been read before it
        UUID sentinel = events.creditNote(customer, invoice, "EUR", "1.00");

        state.awaitInInbox(sentinel);
        assertThat(credited(invoice)).isEqualByComparingTo("31.00");
    }

    @Test
    void anEventBeforeWhatItRefersToIsParkedAndAppliedWhenThatArrives() {
        UUID invoice = UUID.randomUUID();
        UUID early = events.creditNote(customer, invoice, "EUR", "12.50");
        state.awaitInInbox(early);
        assertThat(credited(invoice)).isNull();
        assertThat(parkedFor(invoice)).isEqualTo(1);
        given().get("/admin/parked-events").then().statusCode(200)
                .body("references.find { it.reference == 'invoice:" + invoice + "' }.events", equalTo(1));

        UUID issued = events.invoiceIssued(customer, invoice, "EUR", "50.00");
        state.awaitInInbox(issued);
        assertThat(credited(invoice)).isEqualByComparingTo("12.50");
        assertThat(parkedFor(invoice)).isZero();
    }

    @Test
    void aSchemaInvalidEventIsDeadLetteredToTableAndTopicAndTheNextEventStillApplies() {
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "EUR", "100.00");
        ObjectNode withoutTotal = events.creditNoteBody(customer, invoice, "EUR", "40.00");
        withoutTotal.remove("total");
        UUID invalid = events.send(UUID.randomUUID(), customer, EventType.CREDIT_NOTE_ISSUED, invoice,
                withoutTotal.toString());
        UUID next = events.creditNote(customer, invoice, "EUR", "5.00");

        state.awaitInInbox(next);
        assertThat(credited(invoice)).isEqualByComparingTo("5.00");
        Map<String, Object> deadLetter = awaitDeadLetter(invalid);
        assertThat(deadLetter.get("eventType")).isEqualTo("credit-note-issued");
        assertThat((String) deadLetter.get("reason")).contains("total");
        assertThat(state.count("SELECT count(*) FROM inbox WHERE event_id = $1", invalid)).isZero();
        assertThat(deadLetterTopicReason(invalid)).contains("total");
    }

    @Test
    void aReplayedDeadLetterAppliesOnceHoweverOftenItIsReplayed() {
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "EUR", "100.00");
        // a rule it breaks as things stand: it would credit more than is open
        UUID tooLarge = events.creditNote(customer, invoice, "EUR", "150.00");
        UUID next = events.creditNote(customer, invoice, "EUR", "10.00");
        state.awaitInInbox(next);
        String deadLetter = (String) awaitDeadLetter(tooLarge).get("id");
        assertThat(credited(invoice)).isEqualByComparingTo("10.00");

        given().post("/admin/dead-letters/{id}/replay", deadLetter).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(problem("event-not-applicable")))
                .body("detail", containsString("exceeds"));

        // the fix: the invoice's total was wrong
        var current = given().get("/tracked-invoices/{id}", invoice).then().statusCode(200).extract();
        given().contentType("application/json").header("If-Match", current.header("ETag"))
                .body(Map.<String, Object> of("reference", current.path("reference"), "currency", "EUR",
                        "total", "200.00", "termsDays", current.<Integer> path("termsDays")))
                .put("/tracked-invoices/{id}", invoice).then().statusCode(200);

        given().post("/admin/dead-letters/{id}/replay", deadLetter).then().statusCode(200)
                .body("outcome", equalTo("APPLIED")).body("eventId", equalTo(tooLarge.toString()));
        assertThat(credited(invoice)).isEqualByComparingTo("160.00");
        given().post("/admin/dead-letters/{id}/replay", deadLetter).then().statusCode(200)
                .body("outcome", equalTo("ALREADY_REPLAYED"));
        // even if the dead letter forgot it was replayed, the inbox knows the event
        state.execute("UPDATE dead_letter SET replayed_at = NULL WHERE id = $1", UUID.fromString(deadLetter));
        given().post("/admin/dead-letters/{id}/replay", deadLetter).then().statusCode(200)
                .body("outcome", equalTo("DUPLICATE"));
        assertThat(credited(invoice)).isEqualByComparingTo("160.00");
    }

    private long parkedFor(UUID invoice) {
        return state.count("SELECT count(*) FROM parked_event WHERE reference = $1", "invoice:" + invoice);
    }

    /** The dead letter of the record whose ce_id is {@code eventId} (listed with replayed ones too). */
    private static Map<String, Object> awaitDeadLetter(UUID eventId) {
        AtomicReference<Map<String, Object>> found = new AtomicReference<>();
        Polling.await("a dead letter of event " + eventId, DEADLINE, () -> {
            List<Map<String, Object>> all = given().queryParam("includeReplayed", true).get("/admin/dead-letters")
                    .then().statusCode(200).extract().path("$");
            all.stream().filter(d -> eventId.toString().equals(((Map<?, ?>) d.get("headers")).get("ce_id")))
                    .findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    /** The dead-letter-reason of the record with ce_id {@code eventId} on the self-test's dead-letter topic. */
    private String deadLetterTopicReason(UUID eventId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        AtomicReference<String> reason = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(SelfTestInfra.DEAD_LETTER_TOPIC));
            Polling.await("event " + eventId + " on " + SelfTestInfra.DEAD_LETTER_TOPIC, DEADLINE, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (eventId.toString().equals(header(record, "ce_id"))) {
                        reason.set(String.valueOf(header(record, "dead-letter-reason")));
                    }
                }
                return reason.get() != null;
            });
        }
        return reason.get();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
