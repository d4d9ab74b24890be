package io.receivables.invoicing.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.security.Roles;
import io.receivables.common.testing.TestTokens;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The actor of invoicing's changes made through the API: in the audit log (GET /audit) and in the event of each change,
 * also when one grouped transaction carries several callers' invoices.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class AuditTrailTest {

    @Inject
    Pool pool;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    /**
     * The first issue waits for the customer's row lock, held by the test, so the requests sent meanwhile queue and go
     * into the next group's one transaction: alice's and bob's invoices commit together (one {@code txid} on their
     * outbox rows), yet each invoice's event and audit entry name the user who asked for it.
     */
    @Test
    void twoUsersIssuingInOneGroupedTransactionEachAreNamedOnTheirOwnInvoices() throws Exception {
        String customer = customer();
        String alice = "alice-" + run;
        String bob = "bob-" + run;
        Map<String, String> tokens = Map.of(alice, TestTokens.user("sub-" + alice, alice, Roles.ACCOUNTANT),
                bob, TestTokens.user("sub-" + bob, bob, Roles.INTEGRATION));
        int perUser = 6;
        ExecutorService clients = Executors.newFixedThreadPool(2 * perUser + 1);
        Map<Future<String>, String> issuedBy = new HashMap<>();
        SqlConnection lock = pool.getConnection().await().indefinitely();
        try {
            lock.query("BEGIN").execute().await().indefinitely();
            lock.preparedQuery("SELECT id FROM customer WHERE id = $1 FOR UPDATE")
                    .execute(Tuple.of(UUID.fromString(customer))).await().indefinitely();
            issuedBy.put(clients.submit(() -> issue(tokens.get(alice), customer)), alice);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock() >= 1);
            for (int i = 0; i < perUser; i++) {
                for (String user : List.of(alice, bob)) {
                    issuedBy.put(clients.submit(() -> issue(tokens.get(user), customer)), user);
                }
            }
            // every request has reached the service (and so queued behind the blocked group) before the lock goes
            await().atMost(Duration.ofSeconds(30)).until(() -> activeRequests() >= 2 * perUser + 1);
        } finally {
            lock.query("COMMIT").execute().await().indefinitely();
            lock.close().await().indefinitely();
        }

        Map<Long, Set<String>> usersByTransaction = new HashMap<>();
        for (Map.Entry<Future<String>, String> one : issuedBy.entrySet()) {
            String invoice = one.getKey().get(60, TimeUnit.SECONDS);
            String user = one.getValue();
            Row event = outboxRow(invoice, "invoice-issued");
            JsonPath payload = JsonPath.from(event.getString("payload"));
            assertThat(payload.getString("actor.username")).as("the event of %s's invoice", user).isEqualTo(user);
            assertThat(payload.getString("actor.id")).isEqualTo("sub-" + user);
            assertThat(EventValidator.shared().validate("invoice-issued", event.getString("payload")).isValid()).isTrue();
            JsonPath entries = audit(Map.of("entityId", invoice));
            assertThat(entries.getList("items")).hasSize(1);
            assertThat(entries.getString("items[0].operation")).isEqualTo("invoice-issued");
            assertThat(entries.getMap("items[0].actor")).isEqualTo(Map.of("kind", "USER", "id", "sub-" + user,
                    "username", user));
            assertThat(entries.getList("items[0].summary")).contains(Map.of("field", "status", "to", "ISSUED"));
            usersByTransaction.computeIfAbsent(event.getLong("txid"), t -> new HashSet<>()).add(user);
        }
        clients.shutdownNow();
        assertThat(usersByTransaction.values()).as("a transaction that carried both users' invoices")
                .anyMatch(users -> users.containsAll(List.of(alice, bob)));
    }

    @Test
    void voidWriteOffAndCreditNoteByAnAccountantAreAuditedWithThatAccountant() {
        String carol = "carol-" + run;
        String token = TestTokens.user("sub-" + carol, carol, Roles.ACCOUNTANT);
        String customer = customer();
        String voided = issue(null, customer);
        String writtenOff = issue(null, customer);
        String credited = issue(null, customer);

        as(token).body("""
                {"reasonCode": "DUPLICATE"}""").header("If-Match", "\"0\"").post("/invoices/{id}/void", voided).then()
                .statusCode(200);
        as(token).body("""
                {"reasonCode": "UNCOLLECTIBLE"}""").header("If-Match", "\"0\"").post("/invoices/{id}/write-off", writtenOff)
                .then().statusCode(200);
        String creditNote = as(token).body("""
                {"reasonCode": "PRICING_ERROR", "full": true}""").header("If-Match", "\"0\"")
                .post("/invoices/{id}/credit-notes", credited)
                .then().statusCode(201).extract().path("id");

        JsonPath voidEntry = audit(Map.of("entityId", voided, "actor", carol));
        assertThat(voidEntry.getList("items")).hasSize(1);
        assertThat(voidEntry.getString("items[0].operation")).isEqualTo("invoice-voided");
        assertThat(voidEntry.getList("items[0].summary")).contains(
                Map.of("field", "status", "from", "ISSUED", "to", "VOIDED"), Map.of("field", "total", "to", "121.02"));
        JsonPath writeOffEntry = audit(Map.of("entityId", writtenOff, "actor", "sub-" + carol));
        assertThat(writeOffEntry.getString("items[0].operation")).isEqualTo("invoice-written-off");
        assertThat(writeOffEntry.getList("items[0].summary")).contains(
                Map.of("field", "status", "from", "ISSUED", "to", "WRITTEN_OFF"),
                Map.of("field", "amountDue", "from", "121.02", "to", "0.00"));
        JsonPath creditEntry = audit(Map.of("entityId", creditNote, "entityType", "credit-note"));
        assertThat(creditEntry.getString("items[0].operation")).isEqualTo("credit-note-issued");
        assertThat(creditEntry.getString("items[0].actor.username")).isEqualTo(carol);
        assertThat(creditEntry.getList("items[0].summary")).contains(
                Map.of("field", "invoiceAmountDue", "from", "121.02", "to", "0.00"));
        for (String[] event : List.of(new String[] { voided, "invoice-voided" },
                new String[] { writtenOff, "invoice-written-off" }, new String[] { creditNote, "credit-note-issued" })) {
            assertThat(JsonPath.from(outboxRow(event[0], event[1]).getString("payload")).getString("actor.username"))
                    .as(event[1]).isEqualTo(carol);
        }
        assertThat(audit(Map.of("actor", carol)).getList("items.entityId")).containsExactly(creditNote, writtenOff,
                voided);
    }

    @Test
    void aDraftChangesWithoutAnEventAndIsAuditedAllTheSame() {
        String dave = "dave-" + run;
        String token = TestTokens.user("sub-" + dave, dave, Roles.ACCOUNTANT);
        String customer = customer();
        String draft = as(token).body("""
                {"customerId": "%s", "draft": true,
                 "lines": [{"description": "Draft", "quantity": "1", "unitPrice": "10.00", "taxRate": "0"}]}"""
                .formatted(customer)).post("/invoices").then().statusCode(201).extract().path("id");
        as(token).header("If-Match", "\"0\"").delete("/invoices/{id}", draft).then().statusCode(204);

        JsonPath entries = audit(Map.of("entityId", draft));
        assertThat(entries.getList("items.operation")).containsExactly("deleteDraftInvoice", "issueInvoice");
        assertThat(entries.getList("items.actor.username")).containsOnly(dave);
        assertThat(entries.getList("items[0].summary")).contains(Map.of("field", "status", "from", "DRAFT"));
    }

    @Test
    void aServiceAccountIsNamedByItsClient() {
        String client = "erp-" + run;
        String customer = customer();
        String invoice = issue(TestTokens.serviceAccount(client, Roles.INTEGRATION), customer);

        assertThat(audit(Map.of("entityId", invoice)).getMap("items[0].actor")).isEqualTo(Map.of("kind",
                "SERVICE_ACCOUNT", "id", "sa-" + client, "username", "service-account-" + client, "clientId", client));
        assertThat(audit(Map.of("actor", client, "entityType", "invoice")).getList("items.entityId"))
                .containsExactly(invoice);
    }

    @Test
    void onlyAnAdminReadsTheAuditLogAndTheDatabaseKeepsItAppendOnly() {
        for (String role : List.of(Roles.ACCOUNTANT, Roles.COLLECTOR, Roles.VIEWER, Roles.INTEGRATION, Roles.CUSTOMER)) {
            given().header("Authorization", TestTokens.bearer(role)).get("/audit").then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://receivables.io/problems/forbidden"));
        }
        String customer = customer();
        String invoice = issue(null, customer);

        assertThatThrownBy(() -> pool.preparedQuery("UPDATE audit_log SET actor_id = 'nobody' WHERE entity_id = $1")
                .execute(Tuple.of(invoice)).await().indefinitely()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> pool.preparedQuery("DELETE FROM audit_log WHERE entity_id = $1")
                .execute(Tuple.of(invoice)).await().indefinitely()).hasMessageContaining("append-only");
        assertThat(audit(Map.of("entityId", invoice)).getList("items")).hasSize(1);
    }

    /** Issues an invoice of 121.02 EUR as the token's user (null: the default ar-admin); returns its id. */
    private static String issue(String token, String customer) {
        var request = given().contentType(ContentType.JSON)
                .body(invoice(customer));
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.post("/invoices").then().statusCode(201).extract().path("id");
    }

    private static String customer() {
        return given().contentType(ContentType.JSON).body("""
                {"legalName": "Audited customer %s", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30}}"""
                .formatted(System.nanoTime())).post("/customers").then().statusCode(201).extract().path("id");
    }

    /** 100.02 + 21.00 tax: 121.02 EUR. */
    private static String invoice(String customer) {
        return """
                {"customerId": "%s", "issueDate": "2026-06-15",
                 "lines": [{"description": "Consulting", "quantity": "3", "unitPrice": "33.34", "taxRate": "0.21"}]}"""
                .formatted(customer);
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static JsonPath audit(Map<String, String> query) {
        return given().queryParams(query).get("/audit").then().statusCode(200).extract().jsonPath();
    }

    private Row outboxRow(String aggregateId, String type) {
        var rows = pool.preparedQuery("SELECT payload::text AS payload, txid FROM outbox WHERE aggregateid = $1 AND type = $2")
                .execute(Tuple.of(aggregateId, type)).await().indefinitely();
        assertThat(rows.size()).as("%s rows for %s", type, aggregateId).isEqualTo(1);
        return rows.iterator().next();
    }

    /** Backends of this database waiting for a lock: the first group, blocked on the customer row. */
    private long waitingForALock() {
        return pool.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'").execute().await().indefinitely().iterator().next().getLong(0);
    }

    /** Requests the HTTP server is serving now, this one included. */
    private static double activeRequests() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // a long task timer (http.server.active.requests): its active count, or a plain gauge of that name
        return metrics.lines().filter(line -> line.startsWith("http_server_active_requests"))
                .filter(line -> {
                    String name = line.split("[{ ]", 2)[0];
                    return name.equals("http_server_active_requests") || name.endsWith("_active_count");
                })
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum() - 1;
    }
}
