package io.receivables.dunning.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.common.testing.TestTokens;
import io.receivables.dunning.MutableClock;
import io.receivables.dunning.delivery.MessageFixture.Named;
import io.receivables.dunning.delivery.service.DeliveryWorker;
import io.receivables.dunning.receivable.DunningDatabase;
import io.receivables.dunning.receivable.DunningEvents;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * SMS to a real local HTTP server in Twilio's format (127.0.0.1:23080, as the test profile configures it), letters
 * stored as PDF and downloaded, phone tasks through their lifecycle, and the communication log.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class ChannelsTest {

    static final String PROBLEMS = "https://receivables.io/problems/";
    static final String MESSAGES_PATH = "/2010-04-01/Accounts/ACtest/Messages.json";

    record Received(String path, String authorization, Map<String, String> form) {
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Inject
    DunningDatabase db;

    @Inject
    DeliveryWorker worker;

    @Inject
    MutableClock clock;

    HttpServer provider;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(201);
    MessageFixture fixture;

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 23080), 0);
        provider.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), form(body)));
            int status = answer.get();
            byte[] reply = (status == 201 ? "{\"sid\": \"SM1\", \"status\": \"queued\"}"
                    : "{\"code\": 21211, \"message\": \"refused\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        provider.start();
        fixture = new MessageFixture(pool);
    }

    @AfterEach
    void stop() {
        provider.stop(0);
        clock.reset();
    }

    @Test
    void anSmsGoesToTheProviderInTwilioFormatAndA500IsRetriedAndA400FailsAtOnce() {
        String phone = "+4917" + (10_000_000 + (int) (Math.random() * 80_000_000));
        UUID sent = fixture.queue(UUID.randomUUID(), "SMS", phone, clock.instant(), List.of(invoice()));

        MessageFixture.deliverAll(worker);

        List<Received> toPhone = received.stream().filter(r -> phone.equals(r.form().get("To"))).toList();
        assertThat(toPhone).hasSize(1);
        Received request = toPhone.get(0);
        assertThat(request.path()).isEqualTo(MESSAGES_PATH);
        assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("ACtest:secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.form()).containsEntry("From", "+4930000000");
        assertThat(request.form().get("Body")).contains("RF18 5390 0754 7034");
        assertThat(fixture.delivery(sent).status()).isEqualTo("SENT");
        assertThat(fixture.count("SELECT count(*) FROM outbox WHERE type = 'reminder-sent' AND aggregateid = $1"
                + " AND payload->>'channel' = 'SMS'", sent.toString())).isEqualTo(1);

        // the provider fails: retried later, then delivered once
        answer.set(500);
        String other = phone + "1";
        UUID retried = fixture.queue(UUID.randomUUID(), "SMS", other, clock.instant(), List.of(invoice()));
        MessageFixture.deliverAll(worker);
        assertThat(fixture.delivery(retried).status()).isEqualTo("QUEUED");
        assertThat(fixture.delivery(retried).lastError()).startsWith("SMS provider answered 500");
        answer.set(201);
        clock.advance(Duration.ofMinutes(1));
        MessageFixture.deliverAll(worker);
        assertThat(fixture.delivery(retried).status()).isEqualTo("SENT");
        assertThat(fixture.delivery(retried).attempts()).isEqualTo(2);

        // the provider refuses the number: FAILED at once with its reason
        answer.set(400);
        String refused = phone + "2";
        UUID failed = fixture.queue(UUID.randomUUID(), "SMS", refused, clock.instant(), List.of(invoice()));
        MessageFixture.deliverAll(worker);
        MessageFixture.Delivery delivery = fixture.delivery(failed);
        assertThat(delivery.status()).isEqualTo("FAILED");
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastError()).startsWith("SMS provider answered 400").contains("refused");
        assertThat(received.stream().filter(r -> refused.equals(r.form().get("To")))).hasSize(1);
    }

    @Test
    void aLetterIsStoredAsPdfWithTheAddressAndTheCommunicationLogListsEveryMessageNewestFirst() throws Exception {
        UUID customer = UUID.randomUUID();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrap)) {
            new DunningEvents(producer).customerUpdated(customer, "Acme Handels GmbH", "standard", "de",
                    "ap@acme.example", List.of(), null);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("dunning_customer", "customer_id = $1 AND legal_name IS NOT NULL", customer) == 1);
        Named invoice = invoice();
        UUID letter = fixture.queue(customer, "LETTER", "Acme Handels GmbH, Buchhaltung", clock.instant(),
                List.of(invoice));
        clock.advance(Duration.ofSeconds(1));
        UUID call = fixture.queue(customer, "PHONE_TASK", "+49301234567", clock.instant(), List.of(invoice));
        clock.advance(Duration.ofSeconds(1));
        answer.set(500);
        UUID sms = fixture.queue(customer, "SMS", "+49301234567", clock.instant(), List.of(invoice));

        MessageFixture.deliverAll(worker);

        Response pdf = given().get("/letters/" + letter);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Acme Handels GmbH, Buchhaltung").contains("Hauptstr. 1")
                    .contains("10115 Berlin")
                    .contains("please pay 120.00 EUR with reference RF18 5390 0754 7034");
        }
        assertThat(fixture.count("SELECT count(*) FROM outbox WHERE type = 'reminder-sent' AND aggregateid = $1"
                + " AND payload->>'channel' = 'LETTER'", letter.toString())).isEqualTo(1);
        given().get("/letters/" + UUID.randomUUID()).then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        given().header("Authorization", TestTokens.bearer("viewer")).get("/letters/" + letter).then().statusCode(403);

        // the log: newest first, every channel, with delivery status, invoices and the task
        Response page = given().queryParam("limit", 2).get("/customers/" + customer + "/communications");
        assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
        assertThat(page.jsonPath().getList("items.id", String.class)).containsExactly(sms.toString(), call.toString());
        assertThat(page.jsonPath().getString("items[0].status")).isEqualTo("QUEUED");
        assertThat(page.jsonPath().getInt("items[0].attempts")).isEqualTo(1);
        assertThat(page.jsonPath().getString("items[0].lastError")).startsWith("SMS provider answered 500");
        assertThat(page.jsonPath().getString("items[1].channel")).isEqualTo("PHONE_TASK");
        assertThat(page.jsonPath().getString("items[1].status")).isEqualTo("SENT");
        assertThat(page.jsonPath().getString("items[1].task.status")).isEqualTo("OPEN");
        assertThat(page.jsonPath().getString("items[1].templateKey")).isEqualTo("reminder-1");
        assertThat(page.jsonPath().getString("items[1].invoices[0].invoiceNumber")).isEqualTo(invoice.number());
        assertThat(page.jsonPath().getString("items[1].amountDue")).isEqualTo("120.00");
        String next = page.jsonPath().getString("nextCursor");
        assertThat(next).isNotNull();
        Response last = given().queryParam("cursor", next).get("/customers/" + customer + "/communications");
        assertThat(last.jsonPath().getList("items.id", String.class)).containsExactly(letter.toString());
        assertThat(last.jsonPath().getString("items[0].letter")).isEqualTo("/letters/" + letter);
        assertThat(last.jsonPath().getString("nextCursor")).isNull();

        given().get("/customers/" + UUID.randomUUID() + "/communications").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        given().header("Authorization", "Bearer " + TestTokens.customer(customer)).get("/customers/" + customer
                + "/communications").then().statusCode(403);
    }

    @Test
    void aPhoneTaskIsCreatedOnceAndAssignedAndCompletedWithIfMatch() {
        UUID customer = UUID.randomUUID();
        UUID message = fixture.queue(customer, "PHONE_TASK", "+49301234567", clock.instant(), List.of(invoice()));

        MessageFixture.deliverAll(worker);
        MessageFixture.deliverAll(worker);

        Response list = given().queryParam("customerId", customer.toString()).queryParam("status", "OPEN")
                .get("/tasks");
        assertThat(list.statusCode()).as(list.asString()).isEqualTo(200);
        assertThat(list.jsonPath().getList("items")).hasSize(1);
        String task = list.jsonPath().getString("items[0].id");
        assertThat(list.jsonPath().getString("items[0].messageId")).isEqualTo(message.toString());
        assertThat(list.jsonPath().getString("items[0].phone")).isEqualTo("+49301234567");
        assertThat(list.jsonPath().getString("items[0].script")).contains("RF18 5390 0754 7034");
        assertThat(fixture.count("SELECT count(*) FROM outbox WHERE type = 'reminder-sent' AND aggregateid = $1"
                + " AND payload->>'channel' = 'PHONE_CALL'", message.toString())).isEqualTo(1);

        Response read = given().get("/tasks/" + task);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        String collector = TestTokens.bearer("collector");
        given().header("Authorization", collector).contentType("application/json")
                .body("{\"assignee\": \"c.meyer\"}").post("/tasks/" + task + "/assignment").then().statusCode(428)
                .body("type", equalTo(PROBLEMS + "precondition-required"));
        given().header("Authorization", collector).header("If-Match", "\"5\"").contentType("application/json")
                .body("{\"assignee\": \"c.meyer\"}").post("/tasks/" + task + "/assignment").then().statusCode(412)
                .body("type", equalTo(PROBLEMS + "precondition-failed"));
        Response assigned = given().header("Authorization", collector).header("If-Match", "\"0\"")
                .contentType("application/json").body("{\"assignee\": \"c.meyer\"}")
                .post("/tasks/" + task + "/assignment");
        assertThat(assigned.statusCode()).as(assigned.asString()).isEqualTo(200);
        assertThat(assigned.header("ETag")).isEqualTo("\"1\"");
        assertThat(given().queryParam("assignee", "c.meyer").queryParam("customerId", customer.toString())
                .get("/tasks").jsonPath().getList("items.id", String.class)).containsExactly(task);

        Response done = given().header("Authorization", collector).header("If-Match", "\"1\"")
                .contentType("application/json")
                .body("{\"outcome\": \"PROMISED_TO_PAY\", \"note\": \"pays on Friday\"}")
                .post("/tasks/" + task + "/completion");
        assertThat(done.statusCode()).as(done.asString()).isEqualTo(200);
        assertThat(done.jsonPath().getString("status")).isEqualTo("DONE");
        assertThat(done.jsonPath().getString("outcome")).isEqualTo("PROMISED_TO_PAY");
        assertThat(done.jsonPath().getString("note")).isEqualTo("pays on Friday");
        assertThat(done.jsonPath().getString("completedAt")).isNotNull();
        given().header("Authorization", collector).header("If-Match", "\"2\"").contentType("application/json")
                .body("{\"outcome\": \"NO_ANSWER\"}").post("/tasks/" + task + "/completion").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "conflict"));
        assertThat(fixture.count("SELECT count(*) FROM audit_log WHERE entity_id = $1 AND operation IN"
                + " ('assignTask', 'completeTask')", task)).isEqualTo(2);
        given().get("/messages/" + message).then().statusCode(200).body("task.status", equalTo("DONE"))
                .body("task.outcome", equalTo("PROMISED_TO_PAY"));
    }

    private static Named invoice() {
        UUID id = UUID.randomUUID();
        return new Named(id, DunningEvents.number(id), LocalDate.of(2026, 12, 1), "120.00", "0.00");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
