package io.receivables.dunning.promise;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.receivables.common.security.Roles;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.common.testing.TestTokens;
import io.receivables.dunning.MutableClock;
import io.receivables.dunning.hold.Accounts;
import io.receivables.dunning.hold.service.Holds;
import io.receivables.dunning.receivable.DunningDatabase;
import io.receivables.dunning.receivable.DunningEvents;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Promises to pay against real PostgreSQL and Kafka: what is refused (nothing written), what is recorded with its
 * promise-made, how long it holds its invoices for the run, and how the check keeps it (payments through the real
 * consumer, a redelivered one counted once) or breaks it (exactly once, with two checks racing). Each test has
 * customers of its own.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class PromiseToPayTest {

    static final String PROBLEMS = "https://receivables.io/problems/";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DunningDatabase db;

    @Inject
    Holds holds;

    @Inject
    MutableClock clock;

    @Inject
    Pool pool;

    CloudEventProducer producer;
    Accounts accounts;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        accounts = new Accounts(new DunningEvents(producer), db);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        clock.reset();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void whatCannotBePromisedIsRefusedAndNothingIsWritten() {
        UUID customer = accounts.customer("Refused Ltd");
        UUID invoice = accounts.invoice(customer, "1000.00", today().minusDays(10));
        UUID voided = accounts.invoice(customer, "50.00", today().minusDays(10));
        UUID other = accounts.customer("Someone Else");
        UUID othersInvoice = accounts.invoice(other, "70.00", today().minusDays(10));
        UUID disputeEvent = UUID.randomUUID();
        accounts.events().disputeOpened(disputeEvent, customer, UUID.randomUUID(), invoice, "200.00");
        accounts.events().voided(customer, voided, "50.00");
        await().atMost(Accounts.WAIT).until(() -> db.disputedAmount(invoice).signum() > 0
                && db.openAmount(voided).signum() == 0);

        String date = today().plusDays(7).toString();
        promise(customer, body("0.00", "EUR", date, invoice)).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")).body("errors[0].field", equalTo("amount"));
        promise(customer, body("800.01", "EUR", date, invoice)).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")).body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", equalTo("must be at most 800.00, what is collectable on the invoices"
                        + " (open less disputed)"));
        promise(customer, body("10.00", "EUR", today().minusDays(1).toString(), invoice)).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")).body("errors[0].field", equalTo("promisedDate"));
        promise(customer, body("10.00", "EUR", today().plusDays(91).toString(), invoice)).then().statusCode(400)
                .body("errors[0].field", equalTo("promisedDate"));
        promise(customer, body("10.00", "USD", date, invoice)).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")).body("errors[0].field", equalTo("currency"));
        promise(customer, body("10.00", "EUR", date, invoice, UUID.randomUUID())).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "unknown-reference")).body("errors[0].field", equalTo("invoiceIds[1]"));
        promise(customer, body("10.00", "EUR", date, othersInvoice)).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "unknown-reference")).body("errors[0].field", equalTo("invoiceIds[0]"));
        promise(customer, body("10.00", "EUR", date, invoice, voided)).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "conflict")).body("errors[0].field", equalTo("invoiceIds[1]"));
        promise(UUID.randomUUID(), body("10.00", "EUR", date, invoice)).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        // a portal user of another customer finds nothing there
        given().header("Authorization", "Bearer " + TestTokens.customer(other)).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body("10.00", "EUR", date, invoice))
                .when().post("/customers/" + customer + "/promises-to-pay").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));

        assertThat(db.count("dunning_promise", "customer_id = $1", customer)).isZero();
        assertThat(db.count("outbox", "customer_id = $1 AND type = 'promise-made'", customer.toString())).isZero();

        // what is collectable (open less disputed) can be promised, by the customer itself through the portal
        given().header("Authorization", "Bearer " + TestTokens.customer(customer)).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body("800.00", "EUR", date, invoice))
                .when().post("/customers/" + customer + "/promises-to-pay").then().statusCode(201)
                .body("state", equalTo("OPEN"));
        // and not twice: payments would count for both
        promise(customer, body("5.00", "EUR", date, invoice)).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "conflict")).body("errors[0].field", equalTo("invoiceIds[0]"));
        assertThat(db.count("dunning_promise", "customer_id = $1", customer)).isEqualTo(1);
    }

    @Test
    void aPromiseIsRecordedPublishedAndHoldsItsInvoicesUntilItsDatePlusGrace() {
        UUID customer = accounts.customer("Promising GmbH");
        UUID promised = accounts.invoice(customer, "600.00", today().minusDays(20));
        UUID free = accounts.invoice(customer, "90.00", today().minusDays(20));
        LocalDate date = today().plusDays(5);
        String key = UUID.randomUUID().toString();
        String request = body("600.00", "EUR", date.toString(), promised).replace("}", ", \"note\": \"  after"
                + " month-end  \"}");

        JsonPath made = given().header("Authorization", TestTokens.bearer(Roles.COLLECTOR))
                .contentType("application/json").header("Idempotency-Key", key).body(request).when()
                .post("/customers/" + customer + "/promises-to-pay").then().statusCode(201).header("ETag", "\"1\"")
                .extract().jsonPath();
        String id = made.getString("id");
        assertThat(made.getString("amount")).isEqualTo("600.00");
        assertThat(made.getString("holdUntil")).as("the date plus the 3 grace days")
                .isEqualTo(date.plusDays(3).toString());
        assertThat(made.getString("note")).isEqualTo("after month-end");
        assertThat(made.getList("invoices.collectableAmount", String.class)).containsExactly("600.00");
        // a retry with the same key is the same promise
        given().header("Authorization", TestTokens.bearer(Roles.COLLECTOR)).contentType("application/json")
                .header("Idempotency-Key", key).body(request).when().post("/customers/" + customer + "/promises-to-pay")
                .then().statusCode(201).body("id", equalTo(id));

        List<Map<String, String>> events = events(customer, "promise-made");
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsEntry("promiseId", id).containsEntry("amount", "600.00")
                .containsEntry("promisedDate", date.toString()).containsEntry("holdUntil", date.plusDays(3).toString());

        given().when().get("/customers/" + customer + "/promises-to-pay/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("state", equalTo("OPEN"));
        given().when().get("/customers/" + customer + "/promises-to-pay").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        given().when().get("/customers/" + UUID.randomUUID() + "/promises-to-pay/" + id).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));

        Map<UUID, Holds.Hold> held = held(customer, today());
        assertThat(held).containsOnlyKeys(promised);
        assertThat(held.get(promised)).isEqualTo(new Holds.Hold(Holds.Kind.PROMISE_TO_PAY, UUID.fromString(id),
                date.plusDays(3)));
        assertThat(held(customer, date.plusDays(3))).as("the last day of grace").containsOnlyKeys(promised);
        assertThat(held(customer, date.plusDays(4))).as("grace is over, whether or not the check ran").isEmpty();

        // cancelled by a collector: it holds nothing any more, and is neither kept nor broken
        given().header("Authorization", TestTokens.bearer(Roles.COLLECTOR)).contentType("application/json")
                .header("If-Match", "\"1\"").body("{\"reason\": \"customer withdrew it\"}").when()
                .post("/customers/" + customer + "/promises-to-pay/" + id + "/cancel").then().statusCode(200)
                .header("ETag", "\"2\"").body("state", equalTo("CANCELLED"));
        assertThat(held(customer, today())).isEmpty();
        given().contentType("application/json").header("If-Match", "\"2\"").body("{\"reason\": \"again\"}").when()
                .post("/customers/" + customer + "/promises-to-pay/" + id + "/cancel").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "conflict"));
        assertThat(free).isNotNull();
    }

    @Test
    void paymentsThroughTheConsumerKeepThePromiseOnceARedeliveryCountingOnce() {
        UUID customer = accounts.customer("Keeper AG");
        UUID invoice = accounts.invoice(customer, "1000.00", today().minusDays(15));
        UUID sentinelInvoice = accounts.invoice(customer, "10.00", today().minusDays(15));
        // paid before the promise: not part of it
        accounts.events().paid(customer, invoice, "100.00");
        await().atMost(Accounts.WAIT).until(() -> db.openAmount(invoice).compareTo(new java.math.BigDecimal("900")) == 0);
        String id = made(customer, body("500.00", "EUR", today().plusDays(3).toString(), invoice));

        // 300 paid, delivered twice: counted twice it would cover the 500
        UUID eventId = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        accounts.events().paid(eventId, customer, payment, invoice, "300.00");
        accounts.events().paid(eventId, customer, payment, invoice, "300.00");
        accounts.events().paid(customer, sentinelInvoice, "10.00");
        await().atMost(Accounts.WAIT).until(() -> db.openAmount(sentinelInvoice).signum() == 0);
        check();
        assertThat(state(customer, id)).as("300 of 500 paid").isEqualTo("OPEN");
        assertThat(events(customer, "promise-kept")).isEmpty();

        accounts.events().paid(customer, invoice, "200.00");
        await().atMost(Accounts.WAIT).until(() -> {
            check();
            return state(customer, id).equals("KEPT");
        });
        check();
        List<Map<String, String>> kept = events(customer, "promise-kept");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0)).containsEntry("promiseId", id).containsEntry("amount", "500.00")
                .containsEntry("amountPaid", "500.00");
        assertThat(events(customer, "promise-broken")).isEmpty();
        given().when().get("/customers/" + customer + "/promises-to-pay/" + id).then().body("amountPaid",
                equalTo("500.00"));
        assertThat(held(customer, today())).as("a kept promise holds nothing").isEmpty();
    }

    @Test
    void anUncoveredPromiseIsBrokenAfterGraceExactlyOnceWhileTwoChecksRace() throws Exception {
        UUID customer = accounts.customer("Breaker BV");
        UUID invoice = accounts.invoice(customer, "400.00", today().minusDays(30));
        String id = made(customer, body("400.00", "EUR", today().toString(), invoice));
        accounts.events().paid(customer, invoice, "150.00");
        await().atMost(Accounts.WAIT).until(() -> db.openAmount(invoice).compareTo(new java.math.BigDecimal("250")) == 0);

        clock.advance(Duration.ofDays(3));
        check();
        assertThat(state(customer, id)).as("on the last day of grace").isEqualTo("OPEN");

        clock.advance(Duration.ofDays(1));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<JsonPath> reports = new ArrayList<>();
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(replicas.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return given().when().post("/promises-to-pay/checks").then().statusCode(200).extract()
                            .jsonPath();
                }));
            }
            for (Future<JsonPath> call : calls) {
                reports.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            replicas.shutdownNow();
        }
        check();

        assertThat(reports.stream().filter(r -> r.getList("broken", String.class).contains(id)).count())
                .as("one of the two checks broke it").isEqualTo(1);
        assertThat(state(customer, id)).isEqualTo("BROKEN");
        List<Map<String, String>> broken = events(customer, "promise-broken");
        assertThat(broken).hasSize(1);
        assertThat(broken.get(0)).containsEntry("promiseId", id).containsEntry("amount", "400.00")
                .containsEntry("amountPaid", "150.00");
        assertThat(events(customer, "promise-kept")).isEmpty();
        assertThat(held(customer, today())).as("dunning resumes").isEmpty();
    }

    // --- helpers ---

    static String body(String amount, String currency, String date, UUID... invoices) {
        StringBuilder ids = new StringBuilder();
        for (UUID invoice : invoices) {
            ids.append(ids.isEmpty() ? "" : ", ").append('"').append(invoice).append('"');
        }
        return "{\"amount\": \"%s\", \"currency\": \"%s\", \"promisedDate\": \"%s\", \"invoiceIds\": [%s]}"
                .formatted(amount, currency, date, ids);
    }

    static Response promise(UUID customer, String body) {
        return given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).when().post("/customers/" + customer + "/promises-to-pay");
    }

    static String made(UUID customer, String body) {
        return promise(customer, body).then().statusCode(201).extract().path("id");
    }

    static void check() {
        given().when().post("/promises-to-pay/checks").then().statusCode(200);
    }

    static String state(UUID customer, String id) {
        return given().when().get("/customers/" + customer + "/promises-to-pay/" + id).then().statusCode(200)
                .extract().path("state");
    }

    Map<UUID, Holds.Hold> held(UUID customer, LocalDate asOf) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> holds.onInvoices(customer,
                    asOf)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The customer's outbox events of this type, each as its top-level text fields. */
    List<Map<String, String>> events(UUID customer, String type) {
        List<Map<String, String>> events = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT payload FROM outbox WHERE type = $1 AND customer_id = $2")
                .execute(Tuple.of(type, customer.toString())).await().indefinitely()) {
            JsonPath json = JsonPath.from(String.valueOf(row.getValue(0)));
            Map<String, Object> fields = json.getMap("$");
            Map<String, String> text = new java.util.HashMap<>();
            fields.forEach((k, v) -> text.put(k, String.valueOf(v)));
            events.add(text);
        }
        return events;
    }
}
