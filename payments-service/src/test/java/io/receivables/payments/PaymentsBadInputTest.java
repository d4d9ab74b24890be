package io.receivables.payments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.BadInputContract;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The probe's hostile requests against every endpoint of the payments service: each gets a 4xx problem naming the
 * field and writes nothing (the business rules' refusals, which need invoices, are in PaymentRecordingTest).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PaymentsBadInputTest extends BadInputContract {

    static final String PAYMENT = """
            {"amount": "10.00", "currency": "EUR", "valueDate": "2026-11-20", "method": "CARD"%s}""";
    static final String SOME_ID = "3f1c2a94-5d0e-4b7a-9c61-0a2b3c4d5e6f";
    static final String PLAN = """
            {"customerId": "%s", "invoiceIds": ["%s"], "schedule": {"count": 3, "firstDueDate": "2999-01-31",
             "interval": "MONTHLY"}%%s}""".formatted(SOME_ID, SOME_ID);
    static final String EXPLICIT_PLAN = """
            {"customerId": "%s", "invoiceIds": ["%s"], "instalments": [%%s]}""".formatted(SOME_ID, SOME_ID);

    @Override
    protected List<BadRequest> badRequests() {
        List<BadRequest> cases = new ArrayList<>(consumedEventsAdminCases());
        cases.addAll(List.of(
                BadRequest.post("/payments", PAYMENT.formatted(", \"amount\": \"11.00\"")).named("duplicate key")
                        .rejects("amount"),
                BadRequest.post("/payments", PAYMENT.replace("\"10.00\"", "10.00").formatted(""))
                        .named("amount as a number").rejects("amount"),
                BadRequest.post("/payments", PAYMENT.replace("\"10.00\"", "\"10.001\"").formatted(""))
                        .named("more decimals than EUR has").rejects("amount"),
                BadRequest.post("/payments", PAYMENT.replace("\"10.00\"", "\"-1\"").formatted(""))
                        .named("negative amount").rejects("amount"),
                BadRequest.post("/payments", PAYMENT.replace("\"EUR\"", "\"eur\"").formatted(""))
                        .named("currency in lower case").rejects("currency"),
                BadRequest.post("/payments", PAYMENT.replace("2026-11-20", "2026-02-30").formatted(""))
                        .named("no such date").rejects("valueDate"),
                BadRequest.post("/payments", PAYMENT.replace("CARD", "BITCOIN").formatted(""))
                        .named("unknown method").rejects("method"),
                BadRequest.post("/payments", PAYMENT.formatted(", \"payerAccount\": \"DE00 1234\""))
                        .named("not an IBAN").rejects("payerAccount"),
                BadRequest.post("/payments", PAYMENT.formatted(", \"customerId\": \"" + SOME_ID + "\""))
                        .named("unknown customer").expect(422, "unknown-reference", "customerId"),
                BadRequest.post("/payments", PAYMENT.formatted(", \"allocations\": [{\"invoiceId\": \"" + SOME_ID
                        + "\", \"amount\": \"20.00\"}]")).named("allocations above the payment")
                        .rejects("allocations"),
                BadRequest.post("/payments", PAYMENT.formatted(", \"surprise\": 1")).named("unknown field")
                        .rejects("surprise"),
                BadRequest.get("/payments?status=OPEN").named("unknown status").rejects("status"),
                BadRequest.get("/payments?valueFrom=yesterday").named("bad date").rejects("valueFrom"),
                BadRequest.get("/payments?customerId=42").named("customer not a UUID").rejects("customerId"),
                BadRequest.get("/payments?cursor=abc").named("foreign cursor").rejects("cursor"),
                BadRequest.get("/payments?limit=0").named("limit 0").rejects("limit"),
                BadRequest.get("/payments/" + SOME_ID).named("no such payment").expect(404, "not-found", null),
                BadRequest.post("/payments/" + SOME_ID + "/allocations", "{}").header("If-Match", "\"0\"")
                        .named("allocation of no such payment").expect(404, "not-found", null),
                BadRequest.post("/payments/" + SOME_ID + "/reverse", "{\"reason\": \"BOUNCED\"}")
                        .named("reversal without If-Match").expect(428, "precondition-required", "If-Match"),
                BadRequest.post("/payments/" + SOME_ID + "/reverse", "{\"reason\": \"LOST\"}").header("If-Match",
                        "\"0\"").named("unknown reversal reason").rejects("reason"),
                BadRequest.get("/customers/" + SOME_ID + "/balance").named("balance of no such customer")
                        .expect(404, "not-found", null),
                BadRequest.post("/customers/" + SOME_ID + "/refunds", "{\"amount\": \"1.00\", \"currency\":"
                        + " \"EUR\", \"method\": \"CASH\"}").named("refund to no such customer")
                        .expect(404, "not-found", null),
                BadRequest.post("/customers/" + SOME_ID + "/refunds", "{\"amount\": 1, \"currency\": \"EUR\","
                        + " \"method\": \"CASH\"}").named("refund amount as a number").rejects("amount"),
                BadRequest.get("/customers/" + SOME_ID + "/payment-settings").named("settings of no such customer")
                        .expect(404, "not-found", null),
                BadRequest.put("/customers/" + SOME_ID + "/payment-settings", "{\"autoApplyCredit\": true}")
                        .named("settings for no such customer").expect(404, "not-found", null),
                BadRequest.put("/customers/" + SOME_ID + "/payment-settings", "{\"autoApplyCredit\": \"yes\"}")
                        .named("autoApplyCredit as a string").rejects("autoApplyCredit"),
                BadRequest.post("/payment-plans", PLAN.formatted("")).named("plan for an unknown customer")
                        .expect(422, "unknown-reference", "customerId"),
                BadRequest.post("/payment-plans", PLAN.replace("[\"" + SOME_ID + "\"]", "[]").formatted(""))
                        .named("plan of no invoice").rejects("invoiceIds"),
                BadRequest.post("/payment-plans", PLAN.replace("[\"" + SOME_ID + "\"]", "[\"" + SOME_ID + "\", \""
                        + SOME_ID + "\"]").formatted("")).named("plan naming an invoice twice")
                        .rejects("invoiceIds[1]"),
                BadRequest.post("/payment-plans", PLAN.replace("\"count\": 3", "\"count\": 0").formatted(""))
                        .named("no instalments").rejects("schedule.count"),
                BadRequest.post("/payment-plans", PLAN.replace("\"count\": 3", "\"count\": 61").formatted(""))
                        .named("more instalments than a plan takes").rejects("schedule.count"),
                BadRequest.post("/payment-plans", PLAN.replace("MONTHLY", "FORTNIGHTLY").formatted(""))
                        .named("unknown interval").rejects("schedule.interval"),
                BadRequest.post("/payment-plans", PLAN.replace("MONTHLY", "DAYS").formatted(""))
                        .named("interval DAYS without intervalDays").rejects("schedule.intervalDays"),
                BadRequest.post("/payment-plans", PLAN.replace("2999-01-31", "2020-01-31").formatted(""))
                        .named("first instalment in the past").rejects("schedule.firstDueDate"),
                BadRequest.post("/payment-plans", PLAN.formatted(", \"total\": \"-5.00\""))
                        .named("negative plan total").rejects("total"),
                BadRequest.post("/payment-plans", PLAN.formatted(", \"downPayment\": {\"dueDate\": \"2999-02-28\","
                        + " \"amount\": \"10.00\"}")).named("down payment after the first instalment")
                        .rejects("downPayment.dueDate"),
                BadRequest.post("/payment-plans", PLAN.formatted(", \"instalments\": []"))
                        .named("both instalments and a schedule").rejects("instalments"),
                BadRequest.post("/payment-plans", EXPLICIT_PLAN.formatted("{\"dueDate\": \"2999-01-31\","
                        + " \"amount\": 10}")).named("instalment amount as a number").rejects("instalments[0].amount"),
                BadRequest.post("/payment-plans", EXPLICIT_PLAN.formatted("{\"dueDate\": \"2999-01-31\","
                        + " \"amount\": \"0.00\"}")).named("zero instalment").rejects("instalments[0].amount"),
                BadRequest.post("/payment-plans", EXPLICIT_PLAN.formatted("{\"dueDate\": \"2999-02-28\","
                        + " \"amount\": \"10.00\"}, {\"dueDate\": \"2999-01-31\", \"amount\": \"10.00\"}"))
                        .named("instalment dates not ascending").rejects("instalments[1].dueDate"),
                BadRequest.post("/payment-plans", EXPLICIT_PLAN.formatted("{\"dueDate\": \"2999-02-30\","
                        + " \"amount\": \"10.00\"}")).named("no such due date").rejects("instalments[0].dueDate"),
                BadRequest.get("/payment-plans?status=OPEN").named("unknown plan status").rejects("status"),
                BadRequest.get("/payment-plans?cursor=abc").named("foreign plan cursor").rejects("cursor"),
                BadRequest.get("/payment-plans/" + SOME_ID).named("no such plan").expect(404, "not-found", null),
                BadRequest.post("/payment-plans/" + SOME_ID + "/cancel", "").named("cancel without If-Match")
                        .expect(428, "precondition-required", "If-Match"),
                BadRequest.post("/payment-plans/" + SOME_ID + "/cancel", "").header("If-Match", "\"0\"")
                        .named("cancel of no such plan").expect(404, "not-found", null)));
        return cases;
    }

    @Override
    protected List<String> writtenTables() {
        return List.of("idempotency_key", "payment", "payment_allocation", "payer_account", "refund", "refund_source",
                "customer_payment_settings",
                "payment_plan", "payment_plan_invoice", "payment_plan_instalment");
    }

    @Override
    protected Map<String, String> fixtures() {
        return Map.of();
    }

    @Override
    protected String bodyTarget() {
        return "/payments";
    }
}
