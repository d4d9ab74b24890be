package io.receivables.disputes.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.disputes.DisputeRows;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * GET /disputes/stats over known disputes in March 2031 (a month no other test writes in), with figures worked out by
 * hand. The disputes are inserted by {@link DisputeRows} (POST /disputes was built in parallel).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class DisputeStatsTest {

    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static boolean inserted;

    @Inject
    DisputeRows rows;

    @BeforeEach
    void march2031() {
        if (inserted) {
            return;
        }
        inserted = true;
        // EUR, PRICING: A resolved in 24 h within its SLA in the customer's favour; B in 60 h, late, for the company;
        // C still open
        rows.insert(DisputeRows.of().amount("EUR", "100.00").opened(at("2031-03-02T10:00:00Z"))
                .due(at("2031-03-04T10:00:00Z"), at("2031-03-10T00:00:00Z"))
                .resolved(at("2031-03-03T10:00:00Z"), "CUSTOMER_FAVOUR"));
        rows.insert(DisputeRows.of().amount("EUR", "50.50").opened(at("2031-03-05T00:00:00Z"))
                .due(at("2031-03-05T12:00:00Z"), at("2031-03-06T00:00:00Z"))
                .resolved(at("2031-03-07T12:00:00Z"), "COMPANY_FAVOUR"));
        rows.insert(DisputeRows.of().amount("EUR", "25.00").opened(at("2031-03-10T00:00:00Z"))
                .due(at("2031-03-12T00:00:00Z"), at("2031-03-24T00:00:00Z")));
        // EUR, QUANTITY: D opened in February, resolved PARTIAL on 1 March after 222 h within its SLA; E opened on
        // the last evening of the period and withdrawn
        rows.insert(DisputeRows.of().reason("QUANTITY").amount("EUR", "10.00").opened(at("2031-02-20T00:00:00Z"))
                .due(at("2031-02-24T00:00:00Z"), at("2031-03-06T00:00:00Z"))
                .resolved(at("2031-03-01T06:00:00Z"), "PARTIAL"));
        rows.insert(DisputeRows.of().reason("QUANTITY").amount("EUR", "5.00").opened(at("2031-03-31T23:00:00Z"))
                .resolved(at("2031-03-31T23:30:00Z"), "WITHDRAWN"));
        // after the period: F
        rows.insert(DisputeRows.of().amount("EUR", "999.00").opened(at("2031-04-01T00:00:00Z")));
        // USD, PRICING: G resolved PARTIAL in 24 h, without a resolution SLA
        rows.insert(DisputeRows.of().amount("USD", "200.00").opened(at("2031-03-15T00:00:00Z"))
                .resolved(at("2031-03-16T00:00:00Z"), "PARTIAL"));
    }

    @Test
    void figuresPerCurrencyByReasonAndByState() {
        JsonPath stats = stats("?from=2031-03-01&to=2031-03-31");

        assertThat(stats.getString("from")).isEqualTo("2031-03-01");
        assertThat(stats.getString("to")).isEqualTo("2031-03-31");
        assertThat(stats.getString("periodStart")).isEqualTo("2031-03-01T00:00:00Z");
        assertThat(stats.getString("periodEnd")).isEqualTo("2031-04-01T00:00:00Z");
        assertThat(stats.getList("totals.currency")).containsExactly("EUR", "USD");
        // EUR: A, B, C, E opened; A (24 h), B (60 h), D (222 h) resolved; A and D within SLA; A and D for the customer
        assertFigures(group(stats, "totals", "EUR", null), 4, "180.50", 3, "102.00", "189.60", "0.6667", "0.6667");
        assertFigures(group(stats, "byReason", "EUR", "PRICING"), 3, "175.50", 2, "42.00", "56.40", "0.5000",
                "0.5000");
        assertFigures(group(stats, "byReason", "EUR", "QUANTITY"), 1, "5.00", 1, "222.00", "222.00", "1.0000",
                "1.0000");
        // USD: no resolution due time, so no share within SLA
        assertFigures(group(stats, "totals", "USD", null), 1, "200.00", 1, "24.00", "24.00", null, "1.0000");
        assertFigures(group(stats, "byReason", "USD", "PRICING"), 1, "200.00", 1, "24.00", "24.00", null, "1.0000");
        // by current state: nothing resolved among the open and the withdrawn, so no averages or shares
        assertFigures(group(stats, "byState", "EUR", "RESOLVED"), 2, "150.50", 3, "102.00", "189.60", "0.6667",
                "0.6667");
        assertFigures(group(stats, "byState", "EUR", "OPEN"), 1, "25.00", 0, null, null, null, null);
        assertFigures(group(stats, "byState", "EUR", "WITHDRAWN"), 1, "5.00", 0, null, null, null, null);
        assertThat(stats.getList("byState.findAll { it.currency == 'EUR' }.state"))
                .containsExactlyInAnyOrder("OPEN", "RESOLVED", "WITHDRAWN");
        assertThat(stats.getList("byReason.findAll { it.currency == 'EUR' }.reasonCode"))
                .containsExactlyInAnyOrder("PRICING", "QUANTITY");
    }

    @Test
    void oneCurrencyOnly() {
        JsonPath stats = stats("?from=2031-03-01&to=2031-03-31&currency=USD");

        assertThat(stats.getString("currency")).isEqualTo("USD");
        assertThat(stats.getList("totals.currency")).containsExactly("USD");
        assertThat(stats.getList("byReason.currency")).containsOnly("USD");
        assertThat(stats.getList("byState.currency")).containsOnly("USD");
        assertFigures(group(stats, "totals", "USD", null), 1, "200.00", 1, "24.00", "24.00", null, "1.0000");
    }

    @Test
    void aDayIsAWholeDay() {
        // 1 March: D resolved at 06:00 (opened in February); nothing opened
        JsonPath stats = stats("?from=2031-03-01&to=2031-03-01");

        assertFigures(group(stats, "totals", "EUR", null), 0, "0.00", 1, "222.00", "222.00", "1.0000", "1.0000");
        assertThat(stats.getList("totals.currency")).containsExactly("EUR");
    }

    @Test
    void anEmptyPeriodHasNoGroupsAndNoDivisionByZero() {
        JsonPath stats = stats("?from=2031-05-01&to=2031-05-31");

        assertThat(stats.getList("totals")).isEmpty();
        assertThat(stats.getList("byReason")).isEmpty();
        assertThat(stats.getList("byState")).isEmpty();
    }

    private static JsonPath stats(String query) {
        return given().config(DECIMALS).get("/disputes/stats" + query).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> group(JsonPath stats, String grouping, String currency, String key) {
        String keyField = grouping.equals("byReason") ? "reasonCode" : "state";
        List<Map<String, Object>> groups = stats.getList(grouping);
        List<Map<String, Object>> found = groups.stream()
                .filter(group -> currency.equals(group.get("currency")))
                .filter(group -> key == null || key.equals(group.get(keyField))).toList();
        assertThat(found).as("%s %s %s", grouping, currency, key).hasSize(1);
        return found.get(0);
    }

    private static void assertFigures(Map<String, Object> group, long opened, String disputed, long resolved,
            String meanHours, String p90Hours, String withinSla, String customerFavour) {
        assertThat(((Number) group.get("opened")).longValue()).as("opened").isEqualTo(opened);
        assertThat(group.get("disputedAmount")).as("disputedAmount").isEqualTo(disputed);
        assertThat(((Number) group.get("resolved")).longValue()).as("resolved").isEqualTo(resolved);
        assertDecimal(group, "meanHoursToResolve", meanHours);
        assertDecimal(group, "p90HoursToResolve", p90Hours);
        assertDecimal(group, "resolvedWithinSlaShare", withinSla);
        assertDecimal(group, "customerFavourShare", customerFavour);
    }

    private static void assertDecimal(Map<String, Object> group, String field, String expected) {
        if (expected == null) {
            assertThat(group.get(field)).as(field).isNull();
        } else {
            assertThat((BigDecimal) group.get(field)).as(field).isEqualByComparingTo(expected);
        }
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
