package io.receivables.dunning.interest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.TestTokens;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rates table and the quotes through the API against real PostgreSQL: an administrator records a rate, a
 * collector's quote uses it at once. Rates this test adds are dated after the shipped data (2025-07-01) and each test
 * uses its own years, so the tests do not depend on each other's order.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class InterestApiTest {

    static final String PROBLEMS = "https://receivables.io/problems/";

    @Inject
    Pool pool;

    @Test
    void theShippedRatesAreListedByKind() {
        JsonPath rates = given().queryParam("kind", "DE_BASISZINSSATZ").get("/interest/reference-rates").then()
                .statusCode(200).extract().jsonPath();

        assertThat(rates.getList("items.kind", String.class)).containsOnly("DE_BASISZINSSATZ");
        assertThat(rates.getList("items.validFrom", String.class)).contains("2002-01-01", "2025-07-01");
        assertThat(rates.getString("items.find { it.validFrom == '2016-07-01' }.ratePercent")).isEqualTo("-0.88");
        assertThat(rates.getString("items.find { it.validFrom == '2025-07-01' }.ratePercent")).isEqualTo("1.27");
    }

    @Test
    void anAdministratorRecordsARateThenCorrectsItWithIfMatch() {
        String path = "/interest/reference-rates/DE_BASISZINSSATZ/2031-01-01";
        given().get(path).then().statusCode(404).body("type", org.hamcrest.Matchers.equalTo(PROBLEMS + "not-found"));

        Response created = given().contentType("application/json")
                .body("{\"ratePercent\": \"1.50\", \"source\": \"Bundesbank press release\"}").put(path);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.jsonPath().getString("ratePercent")).isEqualTo("1.50");

        // a second write without If-Match would overwrite unseen: 428
        given().contentType("application/json").body("{\"ratePercent\": \"1.60\", \"source\": \"typo fixed\"}")
                .put(path).then().statusCode(428)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEMS + "precondition-required"));
        // with a stale ETag: 412
        given().contentType("application/json").header("If-Match", "\"7\"")
                .body("{\"ratePercent\": \"1.60\", \"source\": \"typo fixed\"}").put(path).then().statusCode(412)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEMS + "precondition-failed"));
        assertThat(rate("DE_BASISZINSSATZ", "2031-01-01")).isEqualTo("1.5000");

        Response replaced = given().contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"ratePercent\": \"1.60\", \"source\": \"typo fixed\"}").put(path);
        assertThat(replaced.statusCode()).as(replaced.asString()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
        assertThat(given().get(path).then().statusCode(200).extract().jsonPath().getString("ratePercent"))
                .isEqualTo("1.60");
        assertThat(rate("DE_BASISZINSSATZ", "2031-01-01")).isEqualTo("1.6000");
        assertThat(count("SELECT count(*) FROM audit_log WHERE operation = 'setReferenceRate' AND entity_id = $1",
                "DE_BASISZINSSATZ/2031-01-01")).isEqualTo(2);
    }

    @Test
    void twoAdministratorsCreatingTheSameRateAtOnceGetOne201AndOne428() throws Exception {
        String path = "/interest/reference-rates/ECB_MRO/2033-04-06";
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService admins = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (String percent : List.of("2.00", "2.25")) {
                calls.add(admins.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return given().contentType("application/json")
                            .body("{\"ratePercent\": \"" + percent + "\", \"source\": \"test\"}").put(path)
                            .statusCode();
                }));
            }
            for (Future<Integer> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            admins.shutdownNow();
        }

        assertThat(statuses).containsExactlyInAnyOrder(201, 428);
        assertThat(count("SELECT count(*) FROM reference_rate WHERE kind = 'ECB_MRO' AND valid_from = $1",
                LocalDate.parse("2033-04-06"))).isEqualTo(1);
    }

    @Test
    void ifMatchOnARateThatDoesNotExistIs412AndCreatesNothing() {
        given().contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"ratePercent\": \"1.50\", \"source\": \"x\"}")
                .put("/interest/reference-rates/ECB_MRO/2032-03-05").then().statusCode(412);
        assertThat(rate("ECB_MRO", "2032-03-05")).isNull();
    }

    @Test
    void aCollectorQuotesAcrossTheHalfYearBoundary() {
        // Germany, due 2025-06-15, assessed 2025-07-15, 5000.00 (LateChargesTest: 23.157534 + 21.102740 = 44.26);
        // + 40.00 compensation + 5.00 step fee = 89.26
        Response response = given().header("Authorization", TestTokens.bearer("collector"))
                .contentType("application/json").body("""
                        {"currency": "EUR", "country": "DE", "dueDate": "2025-06-15", "assessmentDate": "2025-07-15",
                         "balances": [{"from": "2025-06-15", "amount": "5000.00"}], "stepFee": "5.00"}""")
                .post("/interest/quotes");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        JsonPath quote = response.jsonPath();
        assertThat(quote.getString("jurisdiction")).isEqualTo("DE");
        assertThat(quote.getString("referenceRate")).isEqualTo("DE_BASISZINSSATZ");
        assertThat(quote.getString("marginPercent")).isEqualTo("9");
        assertThat(quote.getString("dayCount")).isEqualTo("ACTUAL_365");
        assertThat(quote.getList("periods", Map.class)).containsExactly(
                Map.of("from", "2025-06-16", "to", "2025-06-30", "days", 15, "rateFixedFor", "2025-01-01",
                        "referenceRatePercent", "2.27", "ratePercent", "11.27", "base", "5000.00", "interest",
                        "23.157534"),
                Map.of("from", "2025-07-01", "to", "2025-07-15", "days", 15, "rateFixedFor", "2025-07-01",
                        "referenceRatePercent", "1.27", "ratePercent", "10.27", "base", "5000.00", "interest",
                        "21.102740"));
        assertThat(quote.getString("interest")).isEqualTo("44.26");
        assertThat(quote.getString("compensation")).isEqualTo("40.00");
        assertThat(quote.getString("compensationStatus")).isEqualTo("CHARGED");
        assertThat(quote.getString("total")).isEqualTo("89.26");
    }

    @Test
    void aCountryWithoutRulesOfItsOwnGetsTheDirectiveDefault() {
        // Austria: EU default, ECB rate in force on 2025-01-01 (3.15) + 8; 30 days on 10000.00 = 91.64 + 40.00
        JsonPath quote = given().contentType("application/json").body("""
                {"currency": "EUR", "country": "AT", "dueDate": "2025-01-31", "assessmentDate": "2025-03-02",
                 "balances": [{"from": "2025-01-31", "amount": "10000.00"}], "compensationAlreadyCharged": true}""")
                .post("/interest/quotes").then().statusCode(200).extract().jsonPath();

        assertThat(quote.getString("jurisdiction")).isEqualTo("EU");
        assertThat(quote.getString("interest")).isEqualTo("91.64");
        assertThat(quote.getString("compensationStatus")).isEqualTo("ALREADY_CHARGED");
        assertThat(quote.getString("total")).isEqualTo("91.64");
    }

    @Test
    void aHalfYearWithoutItsRateIsRefusedUntilAnAdministratorRecordsIt() {
        String body = """
                {"currency": "EUR", "jurisdiction": "DE", "dueDate": "2032-12-21", "assessmentDate": "2033-01-10",
                 "balances": [{"from": "2032-12-21", "amount": "3650.00"}]}""";
        // 2032 H2 and 2033 H1 have no Basiszinssatz yet: the first missing one is at the start, naming dueDate
        given().contentType("application/json").body(body).post("/interest/quotes").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEMS + "unknown-reference"))
                .body("errors.field", org.hamcrest.Matchers.contains("dueDate"));
        put("DE_BASISZINSSATZ", "2032-07-01", "1.00");
        given().contentType("application/json").body(body).post("/interest/quotes").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.contains("assessmentDate"));
        put("DE_BASISZINSSATZ", "2033-01-01", "2.00");

        // 22-31 Dec: 10 days at 10 % on 3650: 10.00; 1-10 Jan: 10 days at 11 %: 11.00; + 40.00
        JsonPath quote = given().contentType("application/json").body(body).post("/interest/quotes").then()
                .statusCode(200).extract().jsonPath();
        assertThat(quote.getList("periods.ratePercent", String.class)).containsExactly("10", "11");
        assertThat(quote.getString("interest")).isEqualTo("21.00");
        assertThat(quote.getString("total")).isEqualTo("61.00");
    }

    @Test
    void theJurisdictionsAreListed() {
        JsonPath list = given().header("Authorization", TestTokens.bearer("viewer")).get("/interest/jurisdictions")
                .then().statusCode(200).extract().jsonPath();

        assertThat(list.getString("defaultJurisdiction")).isEqualTo("EU");
        assertThat(list.getList("items.code", String.class)).containsExactly("DE", "EU");
        assertThat(list.getString("items.find { it.code == 'EU' }.marginPercent")).isEqualTo("8");
        assertThat(list.getString("items.find { it.code == 'DE' }.referenceRate")).isEqualTo("DE_BASISZINSSATZ");
        assertThat(list.getMap("countries")).isEqualTo(Map.of("DE", "DE"));
    }

    private void put(String kind, String validFrom, String percent) {
        given().contentType("application/json").body("{\"ratePercent\": \"" + percent + "\", \"source\": \"test\"}")
                .put("/interest/reference-rates/" + kind + "/" + validFrom).then().statusCode(201);
    }

    private String rate(String kind, String validFrom) {
        var rows = pool.preparedQuery("SELECT rate_percent FROM reference_rate WHERE kind = $1 AND valid_from = $2")
                .execute(Tuple.of(kind, LocalDate.parse(validFrom))).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getBigDecimal(0).toPlainString();
    }

    private long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(List.of(args))).await().indefinitely().iterator().next()
                .getLong(0);
    }
}
