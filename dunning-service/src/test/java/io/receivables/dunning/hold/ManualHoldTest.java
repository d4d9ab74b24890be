package io.receivables.dunning.hold;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import io.receivables.dunning.hold.service.Holds;
import io.receivables.dunning.receivable.DunningDatabase;
import io.receivables.dunning.receivable.DunningEvents;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;

/**
 * A collector's manual holds through the API, and what {@link Holds} answers the run from them: an invoice hold and an
 * account-wide hold up to and including their end date, nothing once released, refusals that write nothing.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class ManualHoldTest {

    static final String PROBLEMS = "https://receivables.io/problems/";
    static final String COLLECTOR = TestTokens.bearer(Roles.COLLECTOR);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DunningDatabase db;

    @Inject
    Holds holds;

    @Inject
    MutableClock clock;

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
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void anInvoiceHoldHoldsUntilItsEndDateAndNotAfterItsRelease() {
        UUID customer = accounts.customer("Held Inc");
        UUID held = accounts.invoice(customer, "300.00", today().minusDays(40));
        UUID free = accounts.invoice(customer, "20.00", today().minusDays(40));
        LocalDate until = today().plusDays(10);

        JsonPath hold = given().header("Authorization", COLLECTOR).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"until\": \"%s\", \"reason\": \"  invoice under review with their CFO \", \"invoiceIds\": [\"%s\"]}"
                        .formatted(until, held))
                .when().post("/customers/" + customer + "/dunning-holds").then().statusCode(201)
                .header("ETag", "\"1\"").extract().jsonPath();
        String id = hold.getString("id");
        assertThat(hold.getBoolean("wholeAccount")).isFalse();
        assertThat(hold.getString("reason")).isEqualTo("invoice under review with their CFO");
        assertThat(hold.getString("createdBy")).isEqualTo("test-collector");

        assertThat(onInvoices(customer, today())).containsOnlyKeys(held)
                .containsEntry(held, new Holds.Hold(Holds.Kind.MANUAL_HOLD, UUID.fromString(id), until));
        assertThat(onInvoices(customer, until)).as("its last day").containsOnlyKeys(held);
        assertThat(onInvoices(customer, until.plusDays(1))).as("after its end date").isEmpty();
        assertThat(onCustomer(customer, today())).as("not account-wide").isEmpty();
        assertThat(db.count("audit_log", "entity_id = $1 AND operation = 'placeDunningHold'", id)).isEqualTo(1);

        given().when().get("/customers/" + customer + "/dunning-holds").then().statusCode(200)
                .body("items.id", equalTo(List.of(id))).body("items[0].invoiceIds", equalTo(List.of(held.toString())));

        given().header("Authorization", COLLECTOR).contentType("application/json").body("{\"reason\": \"paid\"}")
                .when().post("/customers/" + customer + "/dunning-holds/" + id + "/release").then().statusCode(428)
                .body("type", equalTo(PROBLEMS + "precondition-required"));
        given().header("Authorization", COLLECTOR).contentType("application/json").header("If-Match", "\"7\"")
                .body("{\"reason\": \"paid\"}").when()
                .post("/customers/" + customer + "/dunning-holds/" + id + "/release").then().statusCode(412)
                .body("type", equalTo(PROBLEMS + "precondition-failed"));
        given().header("Authorization", COLLECTOR).contentType("application/json").header("If-Match", "\"1\"")
                .body("{\"reason\": \"CFO agreed\"}").when()
                .post("/customers/" + customer + "/dunning-holds/" + id + "/release").then().statusCode(200)
                .header("ETag", "\"2\"").body("state", equalTo("RELEASED"))
                .body("releasedBy", equalTo("test-collector"));
        assertThat(onInvoices(customer, today())).as("released").isEmpty();
        given().contentType("application/json").header("If-Match", "\"2\"").body("{}").when()
                .post("/customers/" + customer + "/dunning-holds/" + id + "/release").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "conflict"));
        assertThat(free).isNotNull();
    }

    @Test
    void aHoldWithoutInvoicesHoldsTheWholeAccount() {
        UUID customer = accounts.customer("Whole Account SA");
        accounts.invoice(customer, "300.00", today().minusDays(40));
        LocalDate until = today().plusDays(2);
        String id = given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"until\": \"%s\", \"reason\": \"insolvency check\"}".formatted(until)).when()
                .post("/customers/" + customer + "/dunning-holds").then().statusCode(201)
                .body("wholeAccount", equalTo(true)).extract().path("id");

        assertThat(onCustomer(customer, today()))
                .contains(new Holds.Hold(Holds.Kind.MANUAL_HOLD, UUID.fromString(id), until));
        assertThat(onCustomer(customer, until.plusDays(1))).isEmpty();
        assertThat(onInvoices(customer, today())).as("it names no invoice").isEmpty();
    }

    @Test
    void aBadHoldIsRefusedAndWritesNothing() {
        UUID customer = accounts.customer("Refused Holds");
        UUID other = accounts.customer("Other Customer");
        UUID othersInvoice = accounts.invoice(other, "10.00", today().minusDays(3));
        String path = "/customers/" + customer + "/dunning-holds";

        post(path, "{\"until\": \"%s\", \"reason\": \"x\"}".formatted(today().minusDays(1))).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")).body("errors[0].field", equalTo("until"));
        post(path, "{\"until\": \"%s\", \"reason\": \"x\"}".formatted(today().plusDays(91))).then().statusCode(400)
                .body("errors[0].field", equalTo("until"));
        post(path, "{\"until\": \"%s\", \"reason\": \" \"}".formatted(today())).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        post(path, "{\"until\": \"%s\", \"reason\": \"x\", \"invoiceIds\": [\"%s\"]}".formatted(today(),
                othersInvoice)).then().statusCode(422).body("type", equalTo(PROBLEMS + "unknown-reference"))
                .body("errors[0].field", equalTo("invoiceIds[0]"));
        post("/customers/" + UUID.randomUUID() + "/dunning-holds", "{\"until\": \"%s\", \"reason\": \"x\"}"
                .formatted(today())).then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        given().header("Authorization", TestTokens.bearer(Roles.VIEWER)).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"until\": \"%s\", \"reason\": \"x\"}".formatted(today())).when().post(path).then()
                .statusCode(403);

        assertThat(db.count("dunning_hold", "customer_id = $1", customer)).isZero();
    }

    static io.restassured.response.Response post(String path, String body) {
        return given().header("Authorization", COLLECTOR).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).when().post(path);
    }

    Map<UUID, Holds.Hold> onInvoices(UUID customer, LocalDate asOf) {
        try {
            return VertxContextSupport
                    .subscribeAndAwait(() -> Panache.withSession(() -> holds.onInvoices(customer, asOf)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Holds.Hold> onCustomer(UUID customer, LocalDate asOf) {
        try {
            return VertxContextSupport
                    .subscribeAndAwait(() -> Panache.withSession(() -> holds.onCustomer(customer, asOf)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
