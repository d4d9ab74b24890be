package io.receivables.payments.statement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.local.testing.LocalInfraTestResource;
import io.receivables.payments.InvoicingEvents;
import io.receivables.payments.PaymentsDatabase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * POST /bank-statements end to end: invoices come from ar.invoicing.events, the statement's credits pay them, the same
 * file again records nothing, a later return opens the invoice again. Each test uses bank references, end-to-end ids and
 * invoice numbers of its own (random), so tests need no order and no cleanup.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class BankStatementImportTest {

    static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);
    static final String ACCOUNT = "DE89370400440532013000";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    PaymentsDatabase db;

    CloudEventProducer producer;
    InvoicingEvents events;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new InvoicingEvents(producer);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aStatementPaysThreeInvoicesOnceAndALaterReturnOpensOneAgain() {
        UUID customer = UUID.randomUUID();
        events.customerRegistered(customer, "Initech", "EUR");
        List<UUID> invoices = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<String> numbers = List.of(number(), number(), number());
        List<String> amounts = List.of("1190.00", "250.50", "89.99");
        for (int i = 0; i < 3; i++) {
            events.invoiceIssued(customer, invoices.get(i), numbers.get(i), "EUR", amounts.get(i), ISSUED, null);
        }
        awaitInvoice(invoices.getLast());
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40));
        String e2eOfSecond = "E2E-" + run + "-2";
        String file = camt053("STMT-" + run, credit("R" + run + "1", amounts.get(0), "E2E-" + run + "-1",
                "Invoice " + numbers.get(0))
                + credit("R" + run + "2", amounts.get(1), e2eOfSecond,
                        "Rechnung " + numbers.get(1))
                + credit("R" + run + "3", amounts.get(2), "NOTPROVIDED", "Payment for " + numbers.get(2)));
        long paymentsBefore = db.count("payment");

        JsonPath first = post(file, "application/xml").then().statusCode(200).extract().jsonPath();

        assertThat(first.getString("format")).isEqualTo("CAMT_053_001_02");
        assertThat(first.getList("entries.status")).as(first.prettify()).containsExactly("MATCHED", "MATCHED",
                "MATCHED");
        assertThat(first.getList("entries.location", String.class)).allSatisfy(l -> assertThat(l).startsWith("Stmt[1]/Ntry["));
        assertThat(first.getInt("totals.MATCHED")).isEqualTo(3);
        for (UUID invoice : invoices) {
            assertThat(db.openAmount(invoice)).isEqualByComparingTo("0");
        }
        assertThat(db.count("payment")).isEqualTo(paymentsBefore + 3);
        String paidSecond = first.getString("entries[1].paymentId");

        JsonPath again = post(file, "application/octet-stream").then().statusCode(200).extract().jsonPath();

        assertThat(again.getList("entries.status")).containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE");
        assertThat(again.getList("entries.paymentId")).isEqualTo(first.getList("entries.paymentId"));
        assertThat(db.count("payment")).as("nothing recorded twice").isEqualTo(paymentsBefore + 3);

        String returnFile = camt053("STMT-" + run + "-R", returned("R" + run + "9", amounts.get(1), e2eOfSecond));
        JsonPath returns = post(returnFile, "application/xml").then()
                .statusCode(200).extract().jsonPath();

        assertThat(returns.getList("entries.status")).as(returns.prettify()).containsExactly("REVERSAL");
        assertThat(returns.getString("entries[0].paymentId")).isEqualTo(paidSecond);
        assertThat(returns.getString("entries[0].reason")).contains("AM04");
        assertThat(db.openAmount(invoices.get(1))).as("open again").isEqualByComparingTo(amounts.get(1));
        assertThat(db.openAmount(invoices.get(0))).isEqualByComparingTo("0");
        JsonPath reversed = given().get("/payments/" + paidSecond).then().statusCode(200).extract().jsonPath();
        assertThat(reversed.getString("status")).isEqualTo("REVERSED");
        assertThat(db.outboxRowFor(paidSecond, "payment-reversed").getString("payload")).contains("RETURNED_BY_BANK")
                .contains("2026-11-25");

        JsonPath returnedAgain = post(returnFile, "application/xml").then().statusCode(200).extract().jsonPath();
        assertThat(returnedAgain.getList("entries.status")).containsExactly("DUPLICATE");
    }

    @Test
    void aReturnOfAnUnknownPaymentIsReportedAndWritesNothing() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40));
        long before = db.count("payment");

        JsonPath report = post(camt053("STMT-" + run, returned("R" + run, "10.00", "E2E-UNKNOWN-" + run)),
                "application/xml").then().statusCode(200).extract().jsonPath();

        assertThat(report.getList("entries.status")).containsExactly("UNMATCHED_REVERSAL");
        assertThat(report.getString("entries[0].reason")).contains("E2E-UNKNOWN-" + run);
        assertThat(report.getInt("totals.UNMATCHED_REVERSAL")).isEqualTo(1);
        assertThat(db.count("payment")).isEqualTo(before);
    }

    @Test
    void aHostileFileIsRefusedAndWritesNothing() {
        long payments = db.count("payment");
        long outbox = db.count("outbox");

        for (String name : List.of("xxe-external-entity.xml", "billion-laughs.xml")) {
            Response response = post(StatementFiles.text("rejected/" + name), "application/xml");
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.asString()).contains("DOCTYPE");
        }
        Response empty = given().contentType("text/csv").body(new byte[0]).post("/bank-statements");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(db.count("payment")).isEqualTo(payments);
        assertThat(db.count("outbox")).isEqualTo(outbox);
    }

    private static Response post(String file, String contentType) {
        return given().contentType(contentType).body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/bank-statements");
    }

    private void awaitInvoice(UUID invoice) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.openAmount(invoice) != null);
    }

    static String number() {
        return "T%d-%09d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    static String camt053(String statementId, String entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>2026-11-25T18:00:00+01:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s</Id>
                      <CreDtTm>2026-11-25T18:00:00+01:00</CreDtTm>
                      <Acct><Id><IBAN>%2$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                %3$s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(statementId, ACCOUNT, entries);
    }

    static String credit(String bankRef, String amount, String endToEndId, String remittance) {
        return """
                      <Ntry>
                        <Amt Ccy="EUR">%s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>2026-11-20</Dt></BookgDt>
                        <ValDt><Dt>2026-11-20</Dt></ValDt>
                        <AcctSvcrRef>%s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><EndToEndId>%s</EndToEndId></Refs>
                          <RltdPties><Dbtr><Nm>Initech GmbH</Nm></Dbtr></RltdPties>
                          <RmtInf><Ustrd>%s</Ustrd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                """.formatted(amount, bankRef, endToEndId, remittance);
    }

    static String returned(String bankRef, String amount, String originalEndToEndId) {
        return """
                      <Ntry>
                        <Amt Ccy="EUR">%s</Amt>
                        <CdtDbtInd>DBIT</CdtDbtInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>2026-11-25</Dt></BookgDt>
                        <ValDt><Dt>2026-11-25</Dt></ValDt>
                        <AcctSvcrRef>%s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><EndToEndId>%s</EndToEndId></Refs>
                          <RtrInf><Rsn><Cd>AM04</Cd></Rsn></RtrInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                """.formatted(amount, bankRef, originalEndToEndId);
    }
}
