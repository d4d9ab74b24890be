package io.receivables.invoicing.invoice;

import static io.receivables.invoicing.invoice.InvoiceIssuingTest.invoice;
import static io.receivables.invoicing.invoice.InvoiceIssuingTest.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.Polling;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The number counter's row lock serialises every issue of a series and year until commit, so issuing throughput is
 * bounded by what runs under it. An issue therefore writes its invoice and lines first and takes the number last, in
 * the statement that also marks the invoice issued and appends its event.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class InvoiceNumberLockTest {

    private static final int YEAR = 2084;

    @Inject
    Pool pool;

    @Inject
    InvoicingDatabase db;

    @Test
    void writesTheInvoiceAndItsLinesBeforeTakingTheNumberAndPublishesInTheNumberingStatement() throws Exception {
        String customerId = registerCustomer("EUR", "NET", 30);
        String first = given().contentType(ContentType.JSON).body(invoice(customerId, YEAR + "-03-01"))
                .when().post("/invoices").then().statusCode(201).extract().path("number");
        assertThat(first).isEqualTo("INV-%d-000001".formatted(YEAR));

        // another issue of the series holds the counter row: the next issue waits for it, wherever it takes its number
        SqlConnection blocker = pool.getConnection().await().indefinitely();
        Transaction transaction = blocker.begin().await().indefinitely();
        CompletableFuture<io.restassured.response.Response> second = null;
        try {
            blocker.preparedQuery("SELECT last_value FROM invoice_number_series WHERE series = 'INV' AND year = $1 FOR UPDATE")
                    .execute(Tuple.of(YEAR)).await().indefinitely();
            second = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                    .body(invoice(customerId, YEAR + "-03-02")).when().post("/invoices")
                    .then().statusCode(201).extract().response());

            AtomicReference<Row> waiting = new AtomicReference<>();
            Polling.await("the second issue to wait for the counter row", Duration.ofSeconds(30), () -> {
                var rows = pool.query("""
                        SELECT a.pid, a.query,
                               bool_or(l.relation = 'invoice_line'::regclass AND l.mode = 'RowExclusiveLock') AS lines_written
                        FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
                        WHERE a.datname = current_database() AND a.wait_event_type = 'Lock'
                        GROUP BY a.pid, a.query""").execute().await().indefinitely();
                if (rows.size() == 1) {
                    waiting.set(rows.iterator().next());
                }
                return waiting.get() != null;
            });

            assertThat(waiting.get().getBoolean("lines_written"))
                    .as("the waiting issue has written its invoice lines before asking for the number").isTrue();
            assertThat(waiting.get().getString("query"))
                    .as("the waiting statement takes the number and appends the event").contains("invoice_number_series")
                    .contains("INSERT INTO outbox");
        } finally {
            transaction.rollback().await().indefinitely();
            blocker.close().await().indefinitely();
        }
        var issued = second.get(30, TimeUnit.SECONDS);
        String number = issued.path("number");
        assertThat(number).isEqualTo("INV-%d-000002".formatted(YEAR));
        assertThat(issued.<String> path("status")).isEqualTo("ISSUED");
        assertThat(issued.header("ETag")).as("issuing is one change: version 0, as before").isEqualTo("\"0\"");

        // the event carries the number the statement took, never the stand-in it was checked with
        String payload = db.outboxRowFor(issued.path("id"), "invoice-issued").getString("payload");
        assertThat(EventValidator.shared().validate("invoice-issued", payload).isValid()).as(payload).isTrue();
        assertThat(EventJson.mapper().readTree(payload).get("invoiceNumber").asText()).isEqualTo(number);
        var read = given().when().get("/invoices/" + issued.path("id")).then().statusCode(200).extract();
        assertThat(read.<String> path("number")).isEqualTo(number);
        assertThat(read.header("ETag")).as("no second write of the numbered invoice").isEqualTo("\"0\"");
    }
}
