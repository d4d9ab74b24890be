package io.receivables.invoicing.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.outbox.OutboxRetention;
import io.receivables.invoicing.MutableClock;
import io.receivables.local.Polling;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Outbox rows do not grow forever: a row is deleted once Debezium's replication slot has surely captured it and it is
 * older than the retention (1h), never before: the WAL still holds what the connector has not read. The slot is a real logical
 * slot of the test database, moved forward
 * with pg_replication_slot_advance as the connector would confirm it.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class OutboxRetentionTest {

    private static final String SLOT = "outbox_retention_test";

    @Inject
    Pool pool;

    @Inject
    MutableClock clock;

    @Inject
    OutboxRetention retention;

    @AfterEach
    void dropSlotAndResetClock() {
        clock.reset();
        pool.preparedQuery("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1")
                .execute(Tuple.of(SLOT)).await().indefinitely();
    }

    @Test
    void keepsEveryRowWhileNoConnectorHasASlot() {
        String customerId = registerCustomer();
        String old = issue(customerId);
        clock.advance(Duration.ofDays(2));

        retention.run().await().indefinitely();
        retention.run().await().indefinitely();

        assertThat(outboxRows(old)).as("nothing captured the row yet: the connector's first snapshot needs it").isOne();
    }

    @Test
    void deletesOnlyRowsTheSlotHasConfirmedAndThatAreOlderThanTheRetention() {
        pool.preparedQuery("SELECT pg_create_logical_replication_slot($1, 'pgoutput')").execute(Tuple.of(SLOT)).await()
                .indefinitely();
        String customerId = registerCustomer();
        String captured = issue(customerId);
        clock.advance(Duration.ofHours(2));
        String recent = issue(customerId);

        retention.run().await().indefinitely();
        assertThat(retention.run().await().indefinitely()).as("the slot has confirmed nothing yet").isZero();
        assertThat(outboxRows(captured)).isOne();

        // the connector confirms what was written; a run deletes by a mark of an earlier run that the slot has
        // confirmed and that no older transaction was running at (autovacuum may be): confirm and run until then
        Polling.await("the captured row to be deleted", Duration.ofSeconds(30), () -> {
            confirmEverythingSoFar();
            retention.run().await().indefinitely();
            assertThat(outboxRows(recent)).as("confirmed, but younger than the retention").isOne();
            return outboxRows(captured) == 0;
        });

        String unconfirmed = issue(customerId);
        clock.advance(Duration.ofHours(2));
        for (int run = 0; run < 3; run++) {
            retention.run().await().indefinitely();
        }
        assertThat(outboxRows(unconfirmed)).as("old, but written after the last position the slot confirmed").isOne();
        assertThat(given().when().get("/invoices/" + captured).then().statusCode(200).extract().<String> path("status"))
                .as("only the event's outbox row goes, never the invoice").isEqualTo("ISSUED");
    }

    private void confirmEverythingSoFar() {
        pool.query("SELECT pg_replication_slot_advance('" + SLOT + "', pg_current_wal_lsn())").execute().await()
                .indefinitely();
    }

    private static String registerCustomer() {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"legalName": "Retention %s", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30}}"""
                        .formatted(System.nanoTime()))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    private static String issue(String customerId) {
        return given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "2085-05-04",
                 "lines": [{"description": "Support", "quantity": "1", "unitPrice": "10.00", "taxRate": "0.19"}]}"""
                .formatted(customerId))
                .when().post("/invoices").then().statusCode(201).extract().path("id");
    }

    private long outboxRows(String invoiceId) {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE aggregateid = $1").execute(Tuple.of(invoiceId))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
