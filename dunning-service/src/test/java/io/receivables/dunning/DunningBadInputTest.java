package io.receivables.dunning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.BadInputContract;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The probe's hostile requests against every endpoint of the dunning service: each gets a 4xx problem naming the field
 * and writes nothing. Each part of the service adds its endpoints' cases in its own block. Policies: each rule a policy
 * must keep on save (docs/dunning.md#policies); templates: what does not compile or uses an unknown value is 422
 * template-invalid naming the part.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class DunningBadInputTest extends BadInputContract {

    static final String SOME_ID = "3f1c2a94-5d0e-4b7a-9c61-0a2b3c4d5e6f";
    static final String EMAIL_STEP = "{\"offsetDays\": %s, \"channels\": [{\"channel\": \"EMAIL\", \"templateKey\":"
            + " \"reminder-1\"}]}";
    /** A valid policy with its steps as %s. */
    static final String POLICY = "{\"name\": \"bad\", \"currency\": \"EUR\", \"steps\": [%s]}";

    static String policy(String... steps) {
        return POLICY.formatted(String.join(", ", steps));
    }

    static String step(String fields) {
        return "{\"offsetDays\": 5, \"channels\": [{\"channel\": \"EMAIL\", \"templateKey\": \"reminder-1\"}]"
                + fields + "}";
    }

    static BadRequest delete(String path) {
        return new BadRequest("DELETE " + path, "DELETE", path, Map.of(), null, null, 0, null, null);
    }

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

    // --- dhold: promises to pay, manual holds, escalations ---
    static final String PROMISES = "/customers/" + SOME_ID + "/promises-to-pay";
    static final String PROMISE = "{\"amount\": \"10.00\", \"currency\": \"EUR\", \"promisedDate\": \"2999-12-31\","
            + " \"invoiceIds\": [\"" + SOME_ID + "\"]%s}";
    static final String HOLDS = "/customers/" + SOME_ID + "/dunning-holds";
    static final String HOLD = "{\"until\": \"2999-12-31\", \"reason\": \"talks\"%s}";

    static List<BadRequest> holdCases() {
        return List.of(
                BadRequest.post(PROMISES, PROMISE.replace("\"10.00\"", "\"0\"").formatted(""))
                        .named("promise of nothing").rejects("amount"),
                BadRequest.post(PROMISES, PROMISE.replace("\"10.00\"", "\"-5.00\"").formatted(""))
                        .named("promise of a negative amount").rejects("amount"),
                BadRequest.post(PROMISES, PROMISE.replace("\"10.00\"", "10.00").formatted(""))
                        .named("promised amount as a number").rejects("amount"),
                BadRequest.post(PROMISES, PROMISE.replace("\"10.00\"", "\"10.001\"").formatted(""))
                        .named("promised amount with more decimals than EUR has").rejects("amount"),
                BadRequest.post(PROMISES, PROMISE.replace("2999-12-31", "2000-01-01").formatted(""))
                        .named("promise in the past").rejects("promisedDate"),
                BadRequest.post(PROMISES, PROMISE.replace("2999-12-31", "2026-02-30").formatted(""))
                        .named("promised date no such day").rejects("promisedDate"),
                BadRequest.post(PROMISES, PROMISE.formatted("")).named("promised date beyond the horizon")
                        .rejects("promisedDate"),
                BadRequest.post(PROMISES, PROMISE.replace("EUR", "EURO").formatted("")).named("promise without a currency")
                        .rejects("currency"),
                BadRequest.post(PROMISES, PROMISE.replace("[\"" + SOME_ID + "\"]", "[]").formatted(""))
                        .named("promise of no invoice").rejects("invoiceIds"),
                BadRequest.post(PROMISES, PROMISE.replace("[\"" + SOME_ID + "\"]", "[\"" + SOME_ID + "\", \""
                        + SOME_ID + "\"]").formatted("")).named("an invoice promised twice").rejects("invoiceIds[1]"),
                BadRequest.post(PROMISES, PROMISE.replace(SOME_ID, "42").formatted("")).named("invoice id not a UUID")
                        .rejects("invoiceIds[0]"),
                BadRequest.post(PROMISES, PROMISE.formatted(", \"note\": \"" + "n".repeat(1001) + "\""))
                        .named("note too long").rejects("note"),
                BadRequest.post(PROMISES, PROMISE.formatted(", \"surprise\": 1")).named("promise with an unknown field")
                        .rejects("surprise"),
                BadRequest.post(PROMISES, PROMISE.replace("2999-12-31", LocalDate.now().plusDays(5).toString())
                        .formatted("")).named("promise to no such customer").expect(404, "not-found", null),
                BadRequest.get(PROMISES).named("promises of no such customer").expect(404, "not-found", null),
                BadRequest.get(PROMISES + "?limit=0").named("promises: limit 0").rejects("limit"),
                BadRequest.get(PROMISES + "?cursor=abc").named("promises: foreign cursor").rejects("cursor"),
                BadRequest.get(PROMISES + "/" + SOME_ID).named("no such promise").expect(404, "not-found", null),
                BadRequest.post(PROMISES + "/" + SOME_ID + "/cancel", "{\"reason\": \"x\"}")
                        .named("cancel without If-Match").expect(428, "precondition-required", "If-Match"),
                BadRequest.post(PROMISES + "/" + SOME_ID + "/cancel", "{\"reason\": \"x\"}").header("If-Match", "\"1\"")
                        .named("cancel of no such promise").expect(404, "not-found", null),
                BadRequest.post(PROMISES + "/" + SOME_ID + "/cancel", "{}").header("If-Match", "\"1\"")
                        .named("cancel without a reason").rejects("reason"),
                BadRequest.post(HOLDS, HOLD.formatted("")).named("hold beyond the horizon").rejects("until"),
                BadRequest.post(HOLDS, HOLD.replace("2999-12-31", "2000-01-01").formatted("")).named("hold in the past")
                        .rejects("until"),
                BadRequest.post(HOLDS, "{\"reason\": \"talks\"}").named("hold without an end").rejects("until"),
                BadRequest.post(HOLDS, HOLD.replace("2999-12-31", "31.12.2026").formatted(""))
                        .named("hold end not an ISO date").rejects("until"),
                BadRequest.post(HOLDS, HOLD.replace("\"talks\"", "\"\"").formatted("")).named("hold without a reason")
                        .rejects("reason"),
                BadRequest.post(HOLDS, HOLD.formatted(", \"invoiceIds\": [\"nope\"]")).named("held invoice not a UUID")
                        .rejects("invoiceIds[0]"),
                BadRequest.post(HOLDS, HOLD.replace("2999-12-31", LocalDate.now().plusDays(5).toString())
                        .formatted("")).named("hold of no such customer").expect(404, "not-found", null),
                BadRequest.get(HOLDS).named("holds of no such customer").expect(404, "not-found", null),
                BadRequest.get(HOLDS + "?cursor=abc").named("holds: foreign cursor").rejects("cursor"),
                BadRequest.get(HOLDS + "/" + SOME_ID).named("no such hold").expect(404, "not-found", null),
                BadRequest.post(HOLDS + "/" + SOME_ID + "/release", "{}").named("release without If-Match")
                        .expect(428, "precondition-required", "If-Match"),
                BadRequest.post(HOLDS + "/" + SOME_ID + "/release", "{}").header("If-Match", "\"1\"")
                        .named("release of no such hold").expect(404, "not-found", null),
                BadRequest.get("/escalations/" + SOME_ID).named("no such escalation").expect(404, "not-found", null),
                BadRequest.get("/escalations/" + SOME_ID).header("Accept", "text/csv")
                        .named("no such escalation as CSV").expect(404, "not-found", null),
                BadRequest.get("/escalations?status=OPEN").named("escalations: unknown status").rejects("status"),
                BadRequest.get("/escalations?customerId=42").named("escalations: customer not a UUID")
                        .rejects("customerId"),
                BadRequest.get("/escalations?limit=101").named("escalations: limit over 100").rejects("limit"),
                BadRequest.post("/escalations/" + SOME_ID + "/recall", "{\"reason\": \"x\"}")
                        .named("recall without If-Match").expect(428, "precondition-required", "If-Match"),
                BadRequest.post("/escalations/" + SOME_ID + "/recall", "{\"reason\": \"x\"}").header("If-Match", "\"1\"")
                        .named("recall of no such escalation").expect(404, "not-found", null),
                BadRequest.post("/escalations/" + SOME_ID + "/recall", "{}").header("If-Match", "\"1\"")
                        .named("recall without a reason").rejects("reason"));
    }

    // --- end of dhold ---
    // --- drun: the dunning run ---
    static List<BadRequest> runCases() {
        return List.of(
                BadRequest.post("/dunning-runs", "{\"asOf\": \"2026-13-01\"}").named("no such date").rejects("asOf"),
                BadRequest.post("/dunning-runs", "{\"asOf\": 20261201}").named("date as a number").rejects("asOf"),
                BadRequest.post("/dunning-runs", "{\"asOf\": \"1899-12-31\"}").named("date out of range")
                        .rejects("asOf"),
                BadRequest.post("/dunning-runs", "{\"asOf\": \"2026-12-01\", \"dryRun\": true}").named("unknown field")
                        .rejects("dryRun"),
                BadRequest.get("/dunning-runs/" + SOME_ID).named("no such run").expect(404, "not-found", null),
                BadRequest.get("/dunning-runs/not-a-uuid").named("run id not a UUID").expect(404, "not-found", null),
                BadRequest.get("/dunning-runs?limit=0").named("limit 0").rejects("limit"),
                BadRequest.get("/dunning-runs?cursor=nonsense").named("a cursor not ours").rejects("cursor"),
                BadRequest.get("/dunning-runs/preview?asOf=2026-02-30").named("no such date").rejects("asOf"),
                BadRequest.get("/dunning-runs/preview?asOf=2026-12-01&cursor=nonsense").named("cursor not a customer id")
                        .rejects("cursor"),
                BadRequest.get("/dunning-runs/preview?limit=101").named("limit above 100").rejects("limit"));
    }
    // --- end of drun ---

    @Override
    protected List<BadRequest> badRequests() {
        List<BadRequest> cases = new ArrayList<>(consumedEventsAdminCases());
        String eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> EMAIL_STEP.formatted(i))
                .collect(Collectors.joining(", "));
        cases.addAll(List.of(
                // policies: the rules on save
                BadRequest.post("/dunning-policies", policy()).named("no step").rejects("steps"),
                BadRequest.post("/dunning-policies", "{\"name\": \"bad\", \"currency\": \"EUR\"}")
                        .named("steps missing").rejects("steps"),
                BadRequest.post("/dunning-policies", POLICY.formatted(eleven)).named("more than 10 steps")
                        .rejects("steps"),
                BadRequest.post("/dunning-policies", policy(EMAIL_STEP.formatted(10), EMAIL_STEP.formatted(5)))
                        .named("offsets decreasing").rejects("steps[1].offsetDays"),
                BadRequest.post("/dunning-policies", policy(EMAIL_STEP.formatted(1), EMAIL_STEP.formatted(7),
                        EMAIL_STEP.formatted(7))).named("offsets equal").rejects("steps[2].offsetDays"),
                BadRequest.post("/dunning-policies", policy(EMAIL_STEP.formatted(-61))).named("offset before -60")
                        .rejects("steps[0].offsetDays"),
                BadRequest.post("/dunning-policies", policy(EMAIL_STEP.formatted(366))).named("offset after 365")
                        .rejects("steps[0].offsetDays"),
                BadRequest.post("/dunning-policies", policy("{\"channels\": [{\"channel\": \"SMS\", \"templateKey\":"
                        + " \"reminder-1\"}]}")).named("offset missing").rejects("steps[0].offsetDays"),
                BadRequest.post("/dunning-policies", policy(EMAIL_STEP.formatted("\"5\""))).named("offset as a string")
                        .rejects("steps[0].offsetDays"),
                BadRequest.post("/dunning-policies", policy("{\"offsetDays\": 1, \"channels\": []}"))
                        .named("no channel").rejects("steps[0].channels"),
                BadRequest.post("/dunning-policies", policy("{\"offsetDays\": 1}")).named("channels missing")
                        .rejects("steps[0].channels"),
                BadRequest.post("/dunning-policies", policy("{\"offsetDays\": 1, \"channels\": [{\"channel\": \"SMS\","
                        + " \"templateKey\": \"reminder-1\"}, {\"channel\": \"SMS\", \"templateKey\": \"reminder-2\"}]}"))
                        .named("a channel twice in a step").rejects("steps[0].channels[1].channel"),
                BadRequest.post("/dunning-policies", policy("{\"offsetDays\": 1, \"channels\": [{\"channel\": \"FAX\","
                        + " \"templateKey\": \"reminder-1\"}]}")).named("unknown channel")
                        .rejects("steps[0].channels[0].channel"),
                BadRequest.post("/dunning-policies", policy("{\"offsetDays\": 1, \"channels\": [{\"channel\":"
                        + " \"LETTER\"}]}")).named("template key missing").rejects("steps[0].channels[0].templateKey"),
                BadRequest.post("/dunning-policies", policy("{\"offsetDays\": 1, \"channels\": [{\"channel\":"
                        + " \"LETTER\", \"templateKey\": \"Reminder 1\"}]}")).named("template key not a key")
                        .rejects("steps[0].channels[0].templateKey"),
                BadRequest.post("/dunning-policies", policy(EMAIL_STEP.formatted(1), "{\"offsetDays\": 9,"
                        + " \"channels\": [{\"channel\": \"SMS\", \"templateKey\": \"no-such-template\"}]}"))
                        .named("template key that does not exist")
                        .expect(422, "unknown-reference", "steps[1].channels[0].templateKey"),
                BadRequest.post("/dunning-policies", policy(step(", \"minimumOverdue\": \"-1.00\"")))
                        .named("negative minimum").rejects("steps[0].minimumOverdue"),
                BadRequest.post("/dunning-policies", policy(step(", \"minimumOverdue\": \"1.001\"")))
                        .named("minimum with more decimals than EUR has").rejects("steps[0].minimumOverdue"),
                BadRequest.post("/dunning-policies", policy(step(", \"minimumOverdue\": 10")))
                        .named("minimum as a number").rejects("steps[0].minimumOverdue"),
                BadRequest.post("/dunning-policies", policy(step(", \"fee\": {\"amount\": \"-5.00\"}")))
                        .named("negative fee").rejects("steps[0].fee.amount"),
                BadRequest.post("/dunning-policies", policy(step(", \"fee\": {\"amount\": \"5.50\"}"))
                        .replace("EUR", "JPY")).named("fee with decimals JPY has not")
                        .rejects("steps[0].fee.amount"),
                BadRequest.post("/dunning-policies", policy(step(", \"fee\": {\"statutoryInterest\": \"yes\"}")))
                        .named("interest flag as a string").rejects("steps[0].fee.statutoryInterest"),
                BadRequest.post("/dunning-policies", policy(step(", \"escalation\": \"POLICE\"")))
                        .named("unknown escalation").rejects("steps[0].escalation"),
                BadRequest.post("/dunning-policies", policy(step("")).replace("EUR", "EURO")).named("no currency")
                        .rejects("currency"),
                BadRequest.post("/dunning-policies", policy(step("")).replace("\"name\": \"bad\", ", ""))
                        .named("name missing").rejects("name"),
                BadRequest.post("/dunning-policies", policy(step("")).replace("\"bad\"", "\"" + "n".repeat(101)
                        + "\"")).named("name too long").rejects("name"),
                BadRequest.post("/dunning-policies", policy(step(", \"thankYou\": true"))).named("unknown field")
                        .rejects("steps[0].thankYou"),
                BadRequest.post("/dunning-policies", policy(step("")).replace("{\"name\": \"bad\"",
                        "{\"name\": \"bad\", \"name\": \"worse\"")).named("duplicate key").rejects("name"),
                BadRequest.put("/dunning-policies/" + SOME_ID, policy(step(""))).named("change without If-Match")
                        .expect(428, "precondition-required", "If-Match"),
                BadRequest.put("/dunning-policies/" + SOME_ID, policy(step(""))).header("If-Match", "\"1\"")
                        .named("change of no such policy").expect(404, "not-found", null),
                BadRequest.put("/dunning-policies/" + SOME_ID, policy()).header("If-Match", "\"1\"")
                        .named("change to no step").rejects("steps"),
                delete("/dunning-policies/" + SOME_ID).named("delete without If-Match")
                        .expect(428, "precondition-required", "If-Match"),
                delete("/dunning-policies/" + SOME_ID).header("If-Match", "\"1\"").named("delete of no such policy")
                        .expect(404, "not-found", null),
                BadRequest.get("/dunning-policies/" + SOME_ID).named("no such policy").expect(404, "not-found", null),
                BadRequest.get("/dunning-policies/" + SOME_ID + "/versions/1").named("version of no such policy")
                        .expect(404, "not-found", null),
                BadRequest.get("/dunning-policies?limit=0").named("limit 0").rejects("limit"),
                BadRequest.get("/dunning-policies?limit=101").named("limit over 100").rejects("limit"),
                BadRequest.get("/dunning-policies?cursor=abc").named("foreign cursor").rejects("cursor"),
                BadRequest.get("/dunning-policies?includeDeleted=maybe").named("flag neither true nor false")
                        .rejects("includeDeleted"),
                // assignments
                BadRequest.put("/dunning-policies/assignments/default", "{\"policyId\": \"" + SOME_ID + "\"}")
                        .named("default: no such policy").expect(422, "unknown-reference", "policyId"),
                BadRequest.put("/dunning-policies/assignments/default", "{}").named("default: policyId missing")
                        .rejects("policyId"),
                BadRequest.put("/dunning-policies/assignments/default", "{\"policyId\": \"42\"}")
                        .named("default: policyId not a UUID").rejects("policyId"),
                BadRequest.put("/dunning-policies/assignments/segments/key%20accounts", "{\"policyId\": \"" + SOME_ID
                        + "\"}").named("segment with a space").rejects("segment"),
                BadRequest.put("/dunning-policies/assignments/segments/smb", "{\"policyId\": \"" + SOME_ID + "\"}")
                        .named("segment: no such policy").expect(422, "unknown-reference", "policyId"),
                delete("/dunning-policies/assignments/segments/no-such-segment").named("segment without a policy")
                        .expect(404, "not-found", null),
                BadRequest.put("/customers/" + SOME_ID + "/dunning-policy", "{\"policyId\": \"" + SOME_ID + "\"}")
                        .named("override: no such policy").expect(422, "unknown-reference", "policyId"),
                delete("/customers/" + SOME_ID + "/dunning-policy").named("customer without an override")
                        .expect(404, "not-found", null),
                BadRequest.get("/customers/" + SOME_ID + "/dunning-policy?segment=a%20b").named("bad segment")
                        .rejects("segment"),
                // templates
                BadRequest.put("/templates/reminder-1", "{\"channel\": \"EMAIL\", \"language\": \"en\", \"parts\":"
                        + " {\"subject\": \"Hi\", \"text\": \"Hi\", \"html\": \"<p>\\n{#for inv in invoices}</p>\"}}")
                        .named("part that does not compile").expect(422, "template-invalid", "parts.html"),
                BadRequest.put("/templates/reminder-1", "{\"channel\": \"SMS\", \"language\": \"en\", \"parts\":"
                        + " {\"text\": \"Pay {customer.iban}\"}}").named("part with an unknown value")
                        .expect(422, "template-invalid", "parts.text"),
                BadRequest.put("/templates/reminder-1", "{\"channel\": \"EMAIL\", \"language\": \"en\", \"parts\":"
                        + " {\"subject\": \"Hi\", \"text\": \"Hi\"}}").named("e-mail without its html part")
                        .rejects("parts.html"),
                BadRequest.put("/templates/reminder-1", "{\"channel\": \"SMS\", \"language\": \"en\", \"parts\":"
                        + " {\"text\": \"Hi\", \"html\": \"<p>Hi</p>\"}}").named("SMS with an html part")
                        .rejects("parts.html"),
                BadRequest.put("/templates/reminder-1", "{\"channel\": \"FAX\", \"language\": \"en\", \"parts\":"
                        + " {\"text\": \"Hi\"}}").named("unknown channel").rejects("channel"),
                BadRequest.put("/templates/reminder-1", "{\"channel\": \"SMS\", \"language\": \"English\","
                        + " \"parts\": {\"text\": \"Hi\"}}").named("language not a code").rejects("language"),
                BadRequest.put("/templates/reminder-1", "{\"channel\": \"SMS\", \"language\": \"en\"}")
                        .named("parts missing").rejects("parts"),
                BadRequest.put("/templates/Reminder_1", "{\"channel\": \"SMS\", \"language\": \"en\", \"parts\":"
                        + " {\"text\": \"Hi\"}}").named("key not a key").rejects("key"),
                BadRequest.put("/templates/brand-new", "{\"channel\": \"SMS\", \"language\": \"de\", \"parts\":"
                        + " {\"text\": \"Hallo\"}}").named("new key without its English template").rejects("language"),
                delete("/templates/reminder-1?channel=SMS&language=en").named("removal without If-Match")
                        .expect(428, "precondition-required", "If-Match"),
                delete("/templates/reminder-1?channel=SMS&language=en").header("If-Match", "\"1\"")
                        .named("removal of what is not customised").expect(404, "not-found", null),
                delete("/templates/reminder-1?channel=SMS").header("If-Match", "\"1\"")
                        .named("removal without a language").rejects("language"),
                delete("/templates/reminder-1?channel=PIGEON&language=en").header("If-Match", "\"1\"")
                        .named("removal of an unknown channel").rejects("channel"),
                BadRequest.get("/templates/reminder-1").named("source without a channel").rejects("channel"),
                BadRequest.get("/templates/reminder-1?channel=FAX").named("source of an unknown channel")
                        .rejects("channel"),
                BadRequest.get("/templates/no-such-key?channel=SMS").named("no such template")
                        .expect(404, "not-found", null),
                BadRequest.post("/templates/no-such-key/preview", "{\"channel\": \"SMS\"}")
                        .named("preview of no such template").expect(404, "not-found", null),
                BadRequest.post("/templates/reminder-1/preview", "{\"channel\": \"SMS\", \"language\": \"d e\"}")
                        .named("preview in a bad language").rejects("language"),
                BadRequest.post("/templates/reminder-1/preview", "{}").named("preview without a channel")
                        .rejects("channel")));
        // dread (issue 12 item 1): the read model's view of a customer
        cases.addAll(List.of(
                BadRequest.get("/customers/" + SOME_ID + "/dunning-state").named("dunning state of no such customer")
                        .expect(404, "not-found", null),
                BadRequest.get("/customers/42/dunning-state").named("customer id not a UUID")
                        .expect(404, "not-found", null),
                BadRequest.get("/customers/" + SOME_ID + "/dunning-state?asOf=yesterday").named("asOf not a date")
                        .rejects("asOf"),
                BadRequest.get("/customers/" + SOME_ID + "/dunning-state?asOf=2026-02-30").named("asOf no such day")
                        .rejects("asOf")));
        cases.addAll(interestCases());
        // dhold: promises to pay, manual holds, escalations
        cases.addAll(holdCases());
        cases.addAll(runCases());
        cases.addAll(deliveryCases());
        return cases;
    }

    // --- dchan: channels, delivery, tasks and the communication log ---
    static List<BadRequest> deliveryCases() {
        String task = "/tasks/" + SOME_ID;
        // a bounce is reported by the relay's callback: an integration service account
        String relay = "Bearer " + io.receivables.common.testing.TestTokens.serviceAccount("smtp-relay", "integration");
        return List.of(
                BadRequest.get("/messages/" + SOME_ID).named("no such message").expect(404, "not-found", null),
                BadRequest.post("/messages/" + SOME_ID + "/bounce", "{\"reason\": \"550 unknown\"}")
                        .header("Authorization", relay).named("bounce of no such message").expect(404, "not-found", null),
                BadRequest.post("/messages/" + SOME_ID + "/bounce", "{}").header("Authorization", relay)
                        .named("bounce without a reason")
                        .rejects("reason"),
                BadRequest.post("/messages/" + SOME_ID + "/bounce", "{\"reason\": \"" + "r".repeat(1001) + "\"}")
                        .header("Authorization", relay).named("bounce reason too long").rejects("reason"),
                BadRequest.post("/messages/" + SOME_ID + "/bounce", "{\"reason\": \"x\", \"code\": 550}")
                        .header("Authorization", relay).named("bounce with an unknown field").rejects("code"),
                BadRequest.get("/letters/" + SOME_ID).named("no such letter").expect(404, "not-found", null),
                BadRequest.get("/tasks?status=CLOSED").named("unknown task status").rejects("status"),
                BadRequest.get("/tasks?customerId=42").named("customerId not a UUID").rejects("customerId"),
                BadRequest.get("/tasks?limit=0").named("tasks limit 0").rejects("limit"),
                BadRequest.get("/tasks?cursor=abc").named("tasks foreign cursor").rejects("cursor"),
                BadRequest.get(task).named("no such task").expect(404, "not-found", null),
                BadRequest.post(task + "/assignment", "{\"assignee\": \"c.meyer\"}")
                        .named("assignment without If-Match").expect(428, "precondition-required", "If-Match"),
                BadRequest.post(task + "/assignment", "{\"assignee\": \"c.meyer\"}").header("If-Match", "\"0\"")
                        .named("assignment of no such task").expect(404, "not-found", null),
                BadRequest.post(task + "/assignment", "{\"assignee\": \" \"}").header("If-Match", "\"0\"")
                        .named("blank assignee").rejects("assignee"),
                BadRequest.post(task + "/assignment", "{\"assignee\": \"c.meyer\"}").header("If-Match", "0")
                        .named("malformed If-Match").rejects("If-Match"),
                BadRequest.post(task + "/completion", "{\"outcome\": \"HUNG_UP\"}").header("If-Match", "\"0\"")
                        .named("unknown outcome").rejects("outcome"),
                BadRequest.post(task + "/completion", "{\"note\": \"no outcome\"}").header("If-Match", "\"0\"")
                        .named("completion without an outcome").rejects("outcome"),
                BadRequest.post(task + "/completion", "{\"outcome\": \"OTHER\", \"note\": \"" + "n".repeat(2001)
                        + "\"}").header("If-Match", "\"0\"").named("note too long").rejects("note"),
                BadRequest.get("/customers/" + SOME_ID + "/communications").named("log of no such customer")
                        .expect(404, "not-found", null),
                BadRequest.get("/customers/" + SOME_ID + "/communications?limit=101").named("log limit over 100")
                        .rejects("limit"),
                BadRequest.get("/customers/" + SOME_ID + "/communications?cursor=abc").named("log foreign cursor")
                        .rejects("cursor"));
    }
    // --- end of dchan ---

    @Override
    protected List<String> writtenTables() {
        return List.of("idempotency_key", "audit_log", "dunning_policy", "dunning_policy_version",
                "dunning_policy_step", "dunning_policy_step_channel", "dunning_segment_policy",
                "dunning_default_policy", "dunning_customer_policy", "dunning_template", "reference_rate",
                "late_fee_assessment",
                // dhold
                "dunning_promise", "dunning_promise_invoice", "dunning_hold", "dunning_hold_invoice", "dunning_escalation",
                "dunning_escalation_invoice",
                // drun
                "dunning_run", "dunning_run_customer", "dunning_run_skip", "dunning_action", "dunning_message",
                "dunning_message_invoice",
                // dchan
                "dunning_letter", "dunning_task");
    }

    @Override
    protected Map<String, String> fixtures() {
        return Map.of();
    }

    @Override
    protected String bodyTarget() {
        return "/dunning-policies";
    }
}
