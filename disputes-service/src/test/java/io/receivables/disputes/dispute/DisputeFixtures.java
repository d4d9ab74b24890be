package io.receivables.disputes.dispute;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.receivables.disputes.DisputesDatabase;
import io.receivables.disputes.ReceivableEvents;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** What the dispute tests share: invoices put into the read model through the topics, and the API's calls. */
final class DisputeFixtures {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final ReceivableEvents events;
    private final DisputesDatabase db;

    DisputeFixtures(ReceivableEvents events, DisputesDatabase db) {
        this.events = events;
        this.db = db;
    }

    /** A new customer's invoice with these line amounts, once the read model has it. */
    UUID invoice(UUID customer, String currency, String... lines) {
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, currency, lines);
        awaitOpen(invoice, null);
        return invoice;
    }

    /** Until the invoice is in the read model and, when {@code amount} is given, that much is open on it. */
    void awaitOpen(UUID invoice, String amount) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            BigDecimal open = db.openAmount(invoice);
            return open != null && (amount == null || open.compareTo(new BigDecimal(amount)) == 0);
        });
    }

    static Map<String, Object> opening(UUID invoice, String amount, String reason) {
        return Map.of("invoiceId", invoice.toString(), "disputedAmount", amount, "reasonCode", reason, "description",
                "Two of the ten pallets arrived crushed.", "contact",
                Map.of("name", "Ana Ruiz", "email", "ap@globex.example", "phone", "+34 91 123 45 67"));
    }

    static Response open(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/disputes");
    }

    static Response open(String token, Object body) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .post("/disputes");
    }

    /** Opens and returns the new dispute's id. */
    static String opened(UUID invoice, String amount, String reason) {
        return open(opening(invoice, amount, reason)).then().statusCode(201).extract().path("id");
    }

    static Response change(String id, String path, String ifMatch, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request = request.body(body);
        }
        return path.equals("assignment") ? request.put("/disputes/" + id + "/" + path)
                : request.post("/disputes/" + id + "/" + path);
    }

    static String etag(String id) {
        return given().get("/disputes/" + id).then().statusCode(200).extract().header("ETag");
    }
}
