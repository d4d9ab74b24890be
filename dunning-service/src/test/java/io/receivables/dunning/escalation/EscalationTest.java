package io.receivables.dunning.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import io.receivables.common.text.CsvRecords;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.MutableClock;
import io.receivables.dunning.escalation.service.Escalations;
import io.receivables.dunning.escalation.service.Escalations.Escalate;
import io.receivables.dunning.escalation.service.Escalations.EscalatedInvoice;
import io.receivables.dunning.hold.Accounts;
import io.receivables.dunning.hold.service.Holds;
import io.receivables.dunning.policy.Escalation;
import io.receivables.dunning.receivable.DunningDatabase;
import io.receivables.dunning.receivable.DunningEvents;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Escalations as the run makes them (Escalations.escalate in the caller's transaction, as the run calls it), read as
 * JSON and as the agency's CSV (parsed back with a strict RFC 4180 reader), and recalled: account-escalated and
 * escalation-recalled each once, and the invoices held from the run exactly while the escalation is ACTIVE.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class EscalationTest {

    static final String PROBLEMS = "https://receivables.io/problems/";
    static final Actor RUN = Actor.system("dunning-run");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DunningDatabase db;

    @Inject
    Escalations escalations;

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
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void anEscalationIsPublishedOnceHoldsItsInvoicesAndIsFreedByItsRecall() {
        UUID customer = accounts.customer("Agency Case Ltd");
        UUID first = accounts.invoice(customer, "700.00", today().minusDays(60));
        UUID second = accounts.invoice(customer, "55.50", today().minusDays(45));
        UUID notEscalated = accounts.invoice(customer, "10.00", today().minusDays(45));
        UUID run = UUID.randomUUID();
        Escalate command = new Escalate(run, customer, Escalation.AGENCY, 3, "EUR",
                List.of(new EscalatedInvoice(first, DunningEvents.number(first), new BigDecimal("700.00")),
                        new EscalatedInvoice(second, DunningEvents.number(second), new BigDecimal("55.50"))),
                "third reminder unanswered");

        UUID id = escalate(command);
        assertThat(escalate(command)).as("the run retried: the same escalation, nothing more").isEqualTo(id);

        List<Map<String, Object>> escalated = events(customer, "account-escalated");
        assertThat(escalated).hasSize(1);
        assertThat(escalated.get(0)).containsEntry("escalationId", id.toString())
                .containsEntry("level", "EXTERNAL_AGENCY").containsEntry("amountOverdue", "755.50")
                .containsEntry("currency", "EUR");
        assertThat(escalated.get(0).get("invoiceIds")).isEqualTo(List.of(first.toString(), second.toString()));

        Map<UUID, Holds.Hold> held = onInvoices(customer, today());
        assertThat(held).containsOnlyKeys(first, second);
        assertThat(held.get(first)).isEqualTo(new Holds.Hold(Holds.Kind.ESCALATED, id, null));
        assertThat(onInvoices(customer, today().plusYears(1))).as("until recalled, however long")
                .containsOnlyKeys(first, second);

        JsonPath json = given().when().get("/escalations/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .extract().jsonPath();
        assertThat(json.getString("status")).isEqualTo("ACTIVE");
        assertThat(json.getString("level")).isEqualTo("AGENCY");
        assertThat(json.getString("amount")).isEqualTo("755.50");
        assertThat(json.getList("invoices.amount", String.class)).containsExactlyInAnyOrder("700.00", "55.50");
        given().when().get("/escalations?customerId=" + customer + "&status=ACTIVE").then().statusCode(200)
                .body("items.id", equalTo(List.of(id.toString())));
        given().when().get("/escalations?customerId=" + customer + "&status=RECALLED").then().statusCode(200)
                .body("items", equalTo(List.of()));

        // recall: needs the ETag; then the invoices are free and escalation-recalled is published once
        given().header("Authorization", TestTokens.bearer(Roles.COLLECTOR)).contentType("application/json")
                .body("{\"reason\": \"customer called\"}").when().post("/escalations/" + id + "/recall").then()
                .statusCode(428).body("type", equalTo(PROBLEMS + "precondition-required"));
        given().header("Authorization", TestTokens.bearer(Roles.COLLECTOR)).contentType("application/json")
                .header("If-Match", "\"1\"").body("{\"reason\": \"customer agreed a plan with us\"}").when()
                .post("/escalations/" + id + "/recall").then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("RECALLED")).body("recalledBy", equalTo("test-collector"));
        assertThat(onInvoices(customer, today())).isEmpty();
        given().contentType("application/json").header("If-Match", "\"2\"").body("{\"reason\": \"again\"}").when()
                .post("/escalations/" + id + "/recall").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "conflict"));
        List<Map<String, Object>> recalled = events(customer, "escalation-recalled");
        assertThat(recalled).hasSize(1);
        assertThat(recalled.get(0)).containsEntry("escalationId", id.toString())
                .containsEntry("level", "EXTERNAL_AGENCY").containsEntry("reason", "customer agreed a plan with us");
        assertThat(notEscalated).isNotNull();
    }

    @Test
    void theAgencyExportIsRfc4180CsvWithTheCustomersAddressAndContacts() {
        UUID customer = accounts.customer("Globex \"Trading\", GmbH");
        LocalDate due = today().minusDays(75);
        UUID invoice = accounts.invoice(customer, "1234.56", due);
        UUID id = escalate(new Escalate(UUID.randomUUID(), customer, Escalation.LEGAL, 4, "EUR",
                List.of(new EscalatedInvoice(invoice, DunningEvents.number(invoice), new BigDecimal("1234.56"))),
                null));

        var response = given().accept("text/csv").when().get("/escalations/" + id).then().statusCode(200)
                .extract();
        assertThat(response.contentType()).startsWith("text/csv");
        String csv = response.asString();
        assertThat(csv).contains("\r\n");
        List<CsvRecords.Record> records = CsvRecords.parse(csv);
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(r -> assertThat(r.error()).isNull());
        List<String> header = records.get(0).fields();
        assertThat(header).startsWith("escalation_id", "level", "customer_id", "customer_name");
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), records.get(1).fields().get(i));
        }
        assertThat(row).containsEntry("customer_name", "Globex \"Trading\", GmbH").containsEntry("level", "LEGAL")
                .containsEntry("address_line1", "Hauptstr. 1").containsEntry("postal_code", "10115")
                .containsEntry("city", "Berlin").containsEntry("country", "DE")
                .containsEntry("billing_email", "ap@example.com")
                .containsEntry("contacts", "Ann \"AP\" Lee <ann@example.com> +4930111; Bob <bob@example.com>")
                .containsEntry("invoice_number", DunningEvents.number(invoice))
                .containsEntry("issue_date", DunningEvents.ISSUED.toString()).containsEntry("due_date", due.toString())
                .containsEntry("days_overdue", Long.toString(ChronoUnit.DAYS.between(due, today())))
                .containsEntry("currency", "EUR").containsEntry("amount", "1234.56");

        // JSON unless CSV is asked for; an unknown escalation is a 404 problem either way
        given().when().get("/escalations/" + id).then().statusCode(200).contentType("application/json");
        given().accept("text/csv").when().get("/escalations/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void anEscalationWithoutInvoicesOrAmountIsTheCallersError() {
        UUID customer = UUID.randomUUID();
        assertThatThrownBy(() -> escalate(new Escalate(UUID.randomUUID(), customer, Escalation.AGENCY, 1, "EUR",
                List.of(), null))).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> escalate(new Escalate(UUID.randomUUID(), customer, Escalation.AGENCY, 1, "EUR",
                List.of(new EscalatedInvoice(UUID.randomUUID(), "INV-1", BigDecimal.ZERO)), null)))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(db.count("dunning_escalation", "customer_id = $1", customer)).isZero();
    }

    UUID escalate(Escalate command) {
        try {
            return VertxContextSupport
                    .subscribeAndAwait(() -> Panache.withTransaction(() -> escalations.escalate(RUN, command)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    Map<UUID, Holds.Hold> onInvoices(UUID customer, LocalDate asOf) {
        try {
            return VertxContextSupport
                    .subscribeAndAwait(() -> Panache.withSession(() -> holds.onInvoices(customer, asOf)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    List<Map<String, Object>> events(UUID customer, String type) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT payload FROM outbox WHERE type = $1 AND customer_id = $2")
                .execute(Tuple.of(type, customer.toString())).await().indefinitely()) {
            events.add(JsonPath.from(String.valueOf(row.getValue(0))).getMap("$"));
        }
        return events;
    }
}
