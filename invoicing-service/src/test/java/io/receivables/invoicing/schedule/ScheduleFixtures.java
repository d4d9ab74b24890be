package io.receivables.invoicing.schedule;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.receivables.invoicing.MutableClock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Customers, schedules and runs over the API, and "today" moved to the date a test bills. */
final class ScheduleFixtures {

    private ScheduleFixtures() {
    }

    static String customer(String creditLimit) {
        String limit = creditLimit == null ? "" : ", \"creditLimit\": \"" + creditLimit + "\"";
        return given().contentType(ContentType.JSON)
                .body(customerBody(System.nanoTime(), limit))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    static String customerBody(long name, String limitField) {
        return """
                {"legalName": "Subscriber %d", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 14}%s}"""
                .formatted(name, limitField);
    }

    /** A schedule body billing 100.00 net + 20 % tax per period. */
    static String schedule(String customerId, String frequency, int anchorDay, String startDate, String endDate) {
        return """
                {"customerId": "%s", "frequency": "%s", "anchorDay": %d, "startDate": "%s"%s, "poNumber": "PO-SUB",
                 "lines": [{"description": "Subscription", "quantity": "1", "unitPrice": "100.00", "taxRate": "0.2"}]}"""
                .formatted(customerId, frequency, anchorDay, startDate,
                        endDate == null ? "" : ", \"endDate\": \"" + endDate + "\"");
    }

    /** {@code body} asking to bill the missed periods from {@code catchUpFrom} on. */
    static String catchingUpFrom(String body, String catchUpFrom) {
        return body.replace("\"lines\":", "\"catchUpFrom\": \"" + catchUpFrom + "\", \"lines\":");
    }

    static String create(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/billing-schedules")
                .then().statusCode(201).extract().path("id");
    }

    static Response get(String id) {
        return given().when().get("/billing-schedules/" + id);
    }

    static Response run() {
        Response response = given().when().post("/billing-schedules/run");
        response.then().statusCode(200);
        return response;
    }

    /** The periods {@code run} issued for schedule {@code id}: each a map of periodStart, invoiceNumber, ... */
    static List<Map<String, String>> issuedFor(Response run, String id) {
        List<Map<String, String>> issued = run.path("issued");
        return issued.stream().filter(i -> id.equals(i.get("scheduleId"))).toList();
    }

    /** Moves "today" (UTC) to midday of {@code date}. */
    static void travelTo(MutableClock clock, LocalDate date) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), date.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    }
}
