package io.receivables.analytics;

import static io.receivables.analytics.OpenArSummaryTest.awaitSummary;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.inbox.HeaderJson;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.local.testing.LocalInfraTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Ops see what was dead-lettered and replay it after a fix: through the same handler, exactly once however often it is
 * asked for; a dead letter that still cannot apply says why and stays.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class DeadLetterReplayTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    CloudEventProducer producer;
    AnalyticsEvents events;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new AnalyticsEvents(producer);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aDeadLetterThatStillCannotApplySaysWhyAndStaysDead() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "JPY", "1000");
        // a rule broken for good: a credit note in another currency than its invoice
        UUID wrongCurrency = events.creditNote(UUID.randomUUID(), customer, invoice, "USD", "100.00");
        events.invoiceIssued(customer, UUID.randomUUID(), "JPY", "1");
        awaitSummary("JPY", 2, "1001");

        String id = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> deadLetterIdOf(wrongCurrency), found -> found != null);
        given().when().post("/admin/dead-letters/{id}/replay", id).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/event-not-applicable"))
                .body("detail", containsString("JPY"));

        Map<String, Object> stillDead = deadLetter(id);
        assertThat(stillDead.get("replayedAt")).isNull();
        assertThat((String) stillDead.get("lastReplayFailure")).contains("JPY");
        awaitSummary("JPY", 2, "1001");
    }

    @Test
    void aReplayedDeadLetterAppliesExactlyOnceHoweverOftenItIsReplayed() {
        // dead-lettered by an earlier release whose bug has since been fixed: a valid invoice-issued
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        UUID deadLetter = UUID.randomUUID();
        pool.preparedQuery("""
                INSERT INTO dead_letter (id, event_id, event_type, topic, kafka_partition, record_offset, message_key,
                                         headers, payload, reason, dead_lettered_at)
                VALUES ($1, $2, 'invoice-issued', 'ar.invoicing.events', 0, $3, $4, $5, $6, 'a bug, since fixed', $7)""")
                .execute(Tuple.tuple(List.of(deadLetter, eventId, System.nanoTime(), customer.toString(),
                        HeaderJson.write(CloudEventProducer.headers(eventId, "invoice-issued", invoice.toString())),
                        OpenArSummaryTest.invoiceIssued(invoice, customer, "NZD", "70.00"),
                        OffsetDateTime.now(ZoneOffset.UTC))))
                .await().indefinitely();
        assertThat(given().get("/admin/dead-letters").then().statusCode(200).extract().<List<String>> path("id"))
                .contains(deadLetter.toString());

        given().when().post("/admin/dead-letters/{id}/replay", deadLetter).then()
                .statusCode(200).body("outcome", equalTo("APPLIED")).body("eventId", equalTo(eventId.toString()));
        awaitSummary("NZD", 1, "70.00");

        given().when().post("/admin/dead-letters/{id}/replay", deadLetter).then()
                .statusCode(200).body("outcome", equalTo("ALREADY_REPLAYED"));
        // even if the dead letter forgot it was replayed, the inbox knows the event
        pool.preparedQuery("UPDATE dead_letter SET replayed_at = NULL WHERE id = $1").execute(Tuple.of(deadLetter))
                .await().indefinitely();
        given().when().post("/admin/dead-letters/{id}/replay", deadLetter).then()
                .statusCode(200).body("outcome", equalTo("DUPLICATE"));
        awaitSummary("NZD", 1, "70.00");
        assertThat(given().get("/admin/dead-letters").then().statusCode(200).extract().<List<String>> path("id"))
                .doesNotContain(deadLetter.toString());
    }

    @Test
    void replayingAnUnknownDeadLetterIsANotFoundProblem() {
        given().when().post("/admin/dead-letters/{id}/replay", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }

    private String deadLetterIdOf(UUID eventId) {
        List<Map<String, Object>> all = given().get("/admin/dead-letters").then().statusCode(200).extract().path("$");
        return all.stream().filter(d -> eventId.toString().equals(d.get("eventId"))).map(d -> (String) d.get("id"))
                .findFirst().orElse(null);
    }

    private Map<String, Object> deadLetter(String id) {
        List<Map<String, Object>> all = given().queryParam("includeReplayed", true).get("/admin/dead-letters").then()
                .statusCode(200).extract().path("$");
        return all.stream().filter(d -> id.equals(d.get("id"))).findFirst().orElseThrow();
    }
}
