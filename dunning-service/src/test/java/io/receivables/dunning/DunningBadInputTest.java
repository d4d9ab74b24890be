package io.receivables.dunning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.BadInputContract;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The probe's hostile requests against every endpoint of the dunning service: each gets a 4xx problem naming the
 * field and writes nothing. Each part of the service adds its endpoints' cases in its own block.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class DunningBadInputTest extends BadInputContract {

    // --- fees and statutory interest (io.receivables.dunning.interest) ---
    static final String QUOTE = """
            {"currency": "EUR", "jurisdiction": "DE", "dueDate": "2025-01-31", "assessmentDate": "2025-03-02",
             "balances": [{"from": "2025-01-31", "amount": "1000.00"}]%s}""";
    static final String RATE = "{\"ratePercent\": \"2.15\", \"source\": \"ECB press release\"%s}";
    static final String RATES = "/interest/reference-rates/";

    static List<BadRequest> interestCases() {
        return List.of(
                BadRequest.post("/interest/quotes", QUOTE.formatted(", \"currency\": \"EUR\"")).named("duplicate key")
                        .rejects("currency"),
                BadRequest.post("/interest/quotes", QUOTE.formatted(", \"surprise\": 1")).named("unknown field")
                        .rejects("surprise"),
                BadRequest.post("/interest/quotes", QUOTE.replace("\"1000.00\"", "1000.00").formatted(""))
                        .named("amount as a number").rejects("balances[0].amount"),
                BadRequest.post("/interest/quotes", QUOTE.replace("\"1000.00\"", "\"1000.001\"").formatted(""))
                        .named("more decimals than EUR has").rejects("balances[0].amount"),
                BadRequest.post("/interest/quotes", QUOTE.replace("\"EUR\"", "\"JPY\"").replace("1000.00", "1000.5")
                        .formatted(""))
                        .named("decimals in a currency without minor units").rejects("balances[0].amount"),
                BadRequest.post("/interest/quotes", QUOTE.replace("\"1000.00\"", "\"-1.00\"").formatted(""))
                        .named("negative amount").rejects("balances[0].amount"),
                BadRequest.post("/interest/quotes", QUOTE.formatted(", \"stepFee\": \"5.001\""))
                        .named("step fee with more decimals than EUR has").rejects("stepFee"),
                BadRequest.post("/interest/quotes", QUOTE.replace("\"assessmentDate\": \"2025-03-02\"",
                        "\"assessmentDate\": \"2025-01-30\"").formatted("")).named("assessment before the due date")
                        .rejects("assessmentDate"),
                BadRequest.post("/interest/quotes", QUOTE.replace("\"dueDate\": \"2025-01-31\"",
                        "\"dueDate\": \"1899-12-31\"").formatted("")).named("due date out of range")
                        .rejects("dueDate"),
                BadRequest.post("/interest/quotes", QUOTE.replace("2025-03-02", "2025-02-30").formatted(""))
                        .named("no such date").rejects("assessmentDate"),
                BadRequest.post("/interest/quotes", QUOTE.replace("\"EUR\"", "\"ABC\"").formatted(""))
                        .named("unknown currency").rejects("currency"),
                BadRequest.post("/interest/quotes", QUOTE.replace("\"EUR\"", "\"eur\"").formatted(""))
                        .named("currency in lower case").rejects("currency"),
                BadRequest.post("/interest/quotes", QUOTE.replace("\"DE\"", "\"XX\"").formatted(""))
                        .named("unknown jurisdiction").expect(422, "unknown-reference", "jurisdiction"),
                BadRequest.post("/interest/quotes", QUOTE.formatted(", \"country\": \"DE\""))
                        .named("both jurisdiction and country").rejects("jurisdiction"),
                BadRequest.post("/interest/quotes", QUOTE.replace("\"jurisdiction\": \"DE\"", "\"country\": \"ZZ\"")
                        .formatted("")).named("not a country").rejects("country"),
                BadRequest.post("/interest/quotes", QUOTE.replace("[{\"from\": \"2025-01-31\", \"amount\":"
                        + " \"1000.00\"}]", "[]").formatted("")).named("no balances").rejects("balances"),
                BadRequest.post("/interest/quotes", QUOTE.replace("}]", "}, {\"from\": \"2025-01-15\", \"amount\":"
                        + " \"10.00\"}]").formatted("")).named("balance changes out of order")
                        .rejects("balances[1].from"),
                BadRequest.post("/interest/quotes", QUOTE.replace("\"from\": \"2025-01-31\"",
                        "\"from\": \"2025-02-05\"").formatted("")).named("first balance after the first day of"
                                + " interest")
                        .rejects("balances[0].from"),
                BadRequest.post("/interest/quotes", QUOTE.replace("2025-01-31", "2004-05-31").replace("\"DE\"", "\"EU\"")
                        .formatted(""))
                        .named("a half-year without a reference rate")
                        .expect(422, "unknown-reference", "dueDate"),
                BadRequest.get("/interest/reference-rates?kind=LIBOR").named("unknown kind").rejects("kind"),
                BadRequest.get(RATES + "LIBOR/2025-01-01").named("unknown kind").rejects("kind"),
                BadRequest.get(RATES + "ECB_MRO/2025-13-01").named("no such date").rejects("validFrom"),
                BadRequest.get(RATES + "ECB_MRO/2001-01-01").named("no such rate").expect(404, "not-found", null),
                BadRequest.put(RATES + "DE_BASISZINSSATZ/2040-02-01", RATE.formatted(""))
                        .named("a half-yearly rate not from 1 January or 1 July").rejects("validFrom"),
                BadRequest.put(RATES + "ECB_MRO/2040-02-01", RATE.replace("\"2.15\"", "\"215\"").formatted(""))
                        .named("rate out of bounds").rejects("ratePercent"),
                BadRequest.put(RATES + "ECB_MRO/2040-02-01", RATE.replace("\"2.15\"", "2.15").formatted(""))
                        .named("rate as a number").rejects("ratePercent"),
                BadRequest.put(RATES + "ECB_MRO/2040-02-01", RATE.replace("\"2.15\"", "\"2.12345\"").formatted(""))
                        .named("rate with 5 decimals").rejects("ratePercent"),
                BadRequest.put(RATES + "ECB_MRO/2040-02-01", "{\"ratePercent\": \"2.15\"}").named("no source")
                        .rejects("source"),
                BadRequest.put(RATES + "ECB_MRO/2040-02-01", RATE.formatted(", \"kind\": \"ECB_MRO\""))
                        .named("unknown field").rejects("kind"),
                BadRequest.put(RATES + "ECB_MRO/1899-01-01", RATE.formatted("")).named("date out of range")
                        .rejects("validFrom"),
                BadRequest.put(RATES + "ECB_MRO/2040-02-01", RATE.formatted("")).header("If-Match", "7")
                        .named("malformed If-Match").rejects("If-Match"),
                BadRequest.put(RATES + "DE_BASISZINSSATZ/2025-07-01", RATE.formatted(""))
                        .named("replacing without If-Match").expect(428, "precondition-required", "If-Match"),
                BadRequest.put(RATES + "DE_BASISZINSSATZ/2025-07-01", RATE.formatted("")).header("If-Match", "\"99\"")
                        .named("replacing a version not read").expect(412, "precondition-failed", null));
    }
    // --- end of fees and statutory interest ---

    @Override
    protected List<BadRequest> badRequests() {
        List<BadRequest> cases = new ArrayList<>(consumedEventsAdminCases());
        cases.addAll(interestCases());
        return cases;
    }

    @Override
    protected List<String> writtenTables() {
        return List.of("idempotency_key", "audit_log", "reference_rate", "late_fee_assessment");
    }

    @Override
    protected Map<String, String> fixtures() {
        return Map.of();
    }

    @Override
    protected String bodyTarget() {
        return "/interest/quotes";
    }
}
