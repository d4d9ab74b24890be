package io.receivables.invoicing.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.invoicing.creditnote.CreditNoteFixtures;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The billing profile a finance team keeps per customer, its updates under optimistic concurrency, and listing. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class CustomerProfileTest {

    @Inject
    InvoicingDatabase db;

    static String profile(String name, String segment, String extra) {
        return """
                {"legalName": "%s", "taxId": "DE811907980", "currency": "EUR",
                 "paymentTerms": {"type": "NET", "days": 30, "discountDays": 10, "discountRate": "0.02"},
                 "creditLimit": "25000.00", "segment": "%s", "billingEmail": "ap@initech.example",
                 "billingAddress": {"line1": "Hauptstrasse 1", "city": "Berlin", "postalCode": "10115", "country": "DE"},
                 "contacts": [{"name": "Peter Gibbons", "email": "peter@initech.example", "phone": "+49 30 1234567", "primary": true},
                              {"name": "Milton Waddams", "email": "milton@initech.example", "primary": false}],
                 "language": "de"%s}"""
                .formatted(name, segment, extra);
    }

    static Response register(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/customers");
    }

    @Test
    void keepsTheWholeBillingProfileAndPublishesItInCustomerRegistered() {
        Response created = register(profile("Initech GmbH", "strategic",
                ", \"doNotDun\": {\"reason\": \"CFO agreement\", \"until\": \"2026-12-31\"}"));
        created.then().statusCode(201).header("ETag", equalTo("\"0\""));
        String id = created.path("id");

        given().when().get("/customers/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("paymentTerms.discountDays", equalTo(10))
                .body("paymentTerms.discountRate", equalTo("0.02"))
                .body("billingAddress.country", equalTo("DE"))
                .body("contacts.name", containsInAnyOrder("Peter Gibbons", "Milton Waddams"))
                .body("contacts.find { it.primary }.email", equalTo("peter@initech.example"))
                .body("language", equalTo("de"))
                .body("doNotDun.reason", equalTo("CFO agreement"))
                .body("doNotDun.until", equalTo("2026-12-31"));

        String payload = db.outboxRowFor(id, "customer-registered").getString("payload");
        assertThat(EventValidator.shared().validate("customer-registered", payload).isValid()).as(payload).isTrue();
        JsonNode event = EventJson.readTree(payload);
        assertThat(event.at("/paymentTerms/discountRate").asText()).isEqualTo("0.02");
        assertThat(event.at("/doNotDun/until").asText()).isEqualTo("2026-12-31");
        assertThat(event.at("/contacts/0/primary").asBoolean()).isTrue();
        assertThat(event.at("/billingAddress/country").asText()).isEqualTo("DE");
    }

    @Test
    void updatesWithTheCurrentETagAndPublishesTheWholeProfile() {
        String id = register(profile("Umbrella Ltd", "standard", "")).path("id");

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(profile("Umbrella Holdings Ltd", "high-risk", ""))
                .when().put("/customers/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("legalName", equalTo("Umbrella Holdings Ltd"))
                .body("segment", equalTo("high-risk"))
                .body("version", equalTo(1));

        String payload = db.outboxRowFor(id, "customer-updated").getString("payload");
        assertThat(EventValidator.shared().validate("customer-updated", payload).isValid()).as(payload).isTrue();
        JsonNode event = EventJson.readTree(payload);
        assertThat(event.at("/legalName").asText()).isEqualTo("Umbrella Holdings Ltd");
        assertThat(event.at("/segment").asText()).isEqualTo("high-risk");
    }

    @Test
    void refusesAStaleUpdateWith412AndKeepsTheNewerVersion() {
        String id = register(profile("Stark Industries", "standard", "")).path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(profile("Stark Industries A", "standard", ""))
                .when().put("/customers/" + id).then().statusCode(200);
        long outbox = db.count("outbox");

        // a second client still holding version 0
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(profile("Stark Industries B", "standard", ""))
                .when().put("/customers/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/precondition-failed"));

        given().when().get("/customers/" + id).then().body("legalName", equalTo("Stark Industries A"));
        assertThat(db.count("outbox")).as("no event for a refused update").isEqualTo(outbox);
    }

    @Test
    void concurrentUpdatesFromTheSameVersionLetExactlyOneWin() throws Exception {
        String id = register(profile("Wayne Enterprises", "standard", "")).path("id");
        int clients = 6;
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < clients; i++) {
            String body = profile("Wayne Enterprises " + i, "standard", "");
            threads.add(Thread.ofVirtual().start(() -> statuses.add(given().contentType(ContentType.JSON)
                    .header("If-Match", "\"0\"").body(body).when().put("/customers/" + id).statusCode())));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        given().when().get("/customers/" + id).then().header("ETag", equalTo("\"1\""));
    }

    @Test
    void refusesToChangeTheCurrencyWhileInvoicesAreOpenInTheOldOneWith409AndWritesNothing() {
        String id = register(profile("Wayne Enterprises", "standard", "")).path("id");
        String invoiceId = CreditNoteFixtures.issueInvoice(id, "2026-03-02").getString("id");
        long outbox = db.count("outbox");

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(profile("Wayne Enterprises", "standard", "").replace("\"EUR\"", "\"USD\""))
                .when().put("/customers/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/conflict"))
                .body("errors[0].field", equalTo("currency"))
                .body("detail", containsString("1243.50 EUR"));
        given().when().get("/customers/" + id).then().header("ETag", equalTo("\"0\"")).body("currency", equalTo("EUR"));
        assertThat(db.count("outbox")).as("no event for a refused update").isEqualTo(outbox);

        // once nothing is open in EUR any more, the currency may change
        CreditNoteFixtures.credit(invoiceId, "\"0\"", """
                {"reasonCode": "PRICING_ERROR", "full": true}""").then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(profile("Wayne Enterprises", "standard", "").replace("\"EUR\"", "\"USD\""))
                .when().put("/customers/" + id)
                .then().statusCode(200).body("currency", equalTo("USD"));
    }

    /** RFC 9110 §5.3: If-Match split over two header lines is one list; the current tag is in the second line. */
    @Test
    void readsIfMatchSentAsSeveralHeaderLinesAsOneList() {
        String id = register(profile("Tyrell Corporation", "standard", "")).path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").header("If-Match", "\"0\"")
                .body(profile("Tyrell Corp", "standard", ""))
                .when().put("/customers/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").header("If-Match", "W/\"1\"")
                .body(profile("Tyrell", "standard", ""))
                .when().put("/customers/" + id)
                .then().statusCode(412);
    }

    @Test
    void requiresIfMatchOnUpdate() {
        String id = register(profile("Cyberdyne Systems", "standard", "")).path("id");
        given().contentType(ContentType.JSON).body(profile("Cyberdyne", "standard", ""))
                .when().put("/customers/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/precondition-required"));
        given().contentType(ContentType.JSON).header("If-Match", "yesterday").body(profile("Cyberdyne", "standard", ""))
                .when().put("/customers/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(profile("Cyberdyne", "standard", ""))
                .when().put("/customers/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void rejectsProfileRulesNamingEveryFieldAndWritesNothing() {
        long customers = db.count("customer");
        long outbox = db.count("outbox");
        given().contentType(ContentType.JSON).body("""
                {"legalName": "Bad Profile", "currency": "EUR",
                 "paymentTerms": {"type": "NET", "days": 30, "discountDays": 45, "discountRate": "1.5"},
                 "segment": "vip",
                 "billingAddress": {"line1": "Somewhere 1", "city": "Nowhere", "country": "XX"},
                 "contacts": [{"name": "A", "primary": true}, {"name": "B", "primary": true}]}""")
                .when().post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("paymentTerms.discountRate", "paymentTerms.discountDays",
                        "segment", "billingAddress.country", "contacts"))
                .body("errors.find { it.field == 'segment' }.message", containsString("strategic"));
        given().contentType(ContentType.JSON).body("""
                {"legalName": "Half a discount", "currency": "EUR",
                 "paymentTerms": {"type": "NET", "days": 30, "discountDays": 10}}""")
                .when().post("/customers")
                .then().statusCode(400).body("errors.field", hasItem("paymentTerms.discountRate"));
        assertThat(db.count("customer")).isEqualTo(customers);
        assertThat(db.count("outbox")).isEqualTo(outbox);
    }

    @Test
    void listsBySegmentPageByPageWithoutSkippingOrRepeating() {
        String segment = "strategic";
        String prefix = "Paging " + System.nanoTime() + " ";
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = prefix + (char) ('A' + i);
            register(profile(name, segment, "")).then().statusCode(201);
            expected.add(name);
        }
        register(profile(prefix + "Z other segment", "high-risk", "")).then().statusCode(201);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("segment", segment).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/customers");
            page.then().statusCode(200);
            List<String> names = page.path("items.legalName");
            assertThat(names).hasSizeLessThanOrEqualTo(3);
            names.stream().filter(n -> n.startsWith(prefix)).forEach(seen::add);
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);

        assertThat(seen).containsExactlyElementsOf(expected);
        given().queryParam("cursor", "not-a-cursor").when().get("/customers").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aCustomerWithoutTheOptionalPartsHasNoneInItsEvent() {
        String id = register("""
                {"legalName": "Minimal Co", "currency": "GBP", "paymentTerms": {"type": "END_OF_MONTH", "days": 15}}""")
                .then().statusCode(201).body("contacts.size()", equalTo(0)).body("doNotDun", nullValue())
                .extract().path("id");
        String payload = db.outboxRowFor(id, "customer-registered").getString("payload");
        assertThat(payload).doesNotContain("contacts", "doNotDun", "billingAddress", "discount");
    }
}
