package io.receivables.invoicing.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** GET /invoices: filters, sort orders and cursor pages, as a collector's worklist or an ERP sync would use them. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class InvoiceListingTest {

    String customerId;

    @BeforeEach
    void aCustomerWithInvoicesOnSeveralDates() {
        customerId = InvoiceIssuingTest.registerCustomer("EUR", "NET", 30);
        // issue dates spread over the years, due 30 days later; 2020 ones are long overdue, 2098 ones not yet due
        for (String date : List.of("2020-01-10", "2020-03-05", "2021-06-30", "2098-02-01", "2098-02-01",
                "2098-05-20")) {
            issue(date, "100.00");
        }
    }

    void issue(String issueDate, String price) {
        given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "%s",
                 "lines": [{"description": "Service", "quantity": "1", "unitPrice": "%s", "taxRate": "0"}]}"""
                .formatted(customerId, issueDate, price))
                .when().post("/invoices").then().statusCode(201);
    }

    List<String> allPages(String sort, int limit, String... filters) {
        List<String> issueDates = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            var request = given().queryParam("customerId", customerId).queryParam("limit", limit);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            for (int i = 0; i < filters.length; i += 2) {
                request.queryParam(filters[i], filters[i + 1]);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.when().get("/invoices");
            response.then().statusCode(200);
            List<String> dates = response.path("items.issueDate");
            assertThat(dates.size()).isLessThanOrEqualTo(limit);
            issueDates.addAll(dates);
            cursor = response.path("nextCursor");
            if (cursor == null) {
                return issueDates;
            }
        }
        throw new AssertionError("more than 100 pages");
    }

    @Test
    void pagesNewestFirstByDefaultWithoutSkippingOrRepeating() {
        assertThat(allPages(null, 2)).containsExactly("2098-05-20", "2098-02-01", "2098-02-01", "2021-06-30",
                "2020-03-05", "2020-01-10");
        assertThat(allPages("issueDate", 4)).containsExactly("2020-01-10", "2020-03-05", "2021-06-30", "2098-02-01",
                "2098-02-01", "2098-05-20");
    }

    @Test
    void aPageLaterDoesNotRepeatAnInvoiceIssuedMeanwhile() {
        Response first = given().queryParam("customerId", customerId).queryParam("limit", 3).when().get("/invoices");
        List<String> firstNumbers = first.path("items.number");
        issue("2099-12-31", "5.00"); // newer than everything: belongs before the first page, not in the second
        Response second = given().queryParam("customerId", customerId).queryParam("limit", 3)
                .queryParam("cursor", (String) first.path("nextCursor")).when().get("/invoices");
        List<String> secondNumbers = second.path("items.number");
        assertThat(secondNumbers).hasSize(3).doesNotContainAnyElementsOf(firstNumbers);
    }

    @Test
    void filtersByIssueAndDueDateRangesAndOverdue() {
        assertThat(allPages("issueDate", 10, "issuedFrom", "2020-03-01", "issuedTo", "2098-02-01"))
                .containsExactly("2020-03-05", "2021-06-30", "2098-02-01", "2098-02-01");
        assertThat(allPages("dueDate", 10, "dueFrom", "2098-03-01")).containsExactly("2098-02-01", "2098-02-01",
                "2098-05-20");
        assertThat(allPages("-dueDate", 10, "overdue", "true")).containsExactly("2021-06-30", "2020-03-05",
                "2020-01-10");
        // status is the derived one: the three past their due date are OVERDUE, not ISSUED
        given().queryParam("customerId", customerId).queryParam("status", "ISSUED").when().get("/invoices").then()
                .statusCode(200).body("items.size()", equalTo(3));
        given().queryParam("customerId", customerId).queryParam("status", "OVERDUE").when().get("/invoices").then()
                .statusCode(200).body("items.size()", equalTo(3)).body("items.status", everyItem(equalTo("OVERDUE")));
    }

    @Test
    void rejectsBadParametersNamingEachOne() {
        given().queryParam("customerId", "42").queryParam("status", "PAID_TWICE").queryParam("issuedFrom", "2026-13-01")
                .queryParam("sort", "amount").queryParam("overdue", "maybe")
                .when().get("/invoices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("customerId", "status", "issuedFrom", "sort", "overdue"));
        given().queryParam("issuedFrom", "2026-02-01").queryParam("issuedTo", "2026-01-01").when().get("/invoices")
                .then().statusCode(400).body("errors[0].field", equalTo("issuedTo"));
        given().queryParam("cursor", "bm90LW91cnM").when().get("/invoices")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
