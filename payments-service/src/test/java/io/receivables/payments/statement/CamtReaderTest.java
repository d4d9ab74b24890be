package io.receivables.payments.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemType;

class CamtReaderTest {

    private final BankStatementReader reader = new BankStatementReader();

    @Test
    void camt053V02PaymentWithAnRfReferenceAndUnstructuredText() {
        ParsedStatement statement = reader.read(StatementFiles.bytes("camt053-v02-references.xml"));

        assertThat(statement.format()).isEqualTo(StatementFormat.CAMT_053_001_02);
        assertThat(statement.statementIds()).containsExactly("STMT-20260302-DE89");
        StatementEntry first = statement.entries().get(0);
        assertThat(first.kind()).isEqualTo(EntryKind.PAYMENT);
        assertThat(first.location()).isEqualTo("Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[1] (line 44)");
        assertThat(first.bankReference()).isEqualTo("DE89370400440532013000/2026030200001");
        assertThat(first.amount()).isEqualByComparingTo("1190.00").hasScaleOf(2);
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.bookingDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(first.valueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(first.payerName()).isEqualTo("ACME GmbH");
        assertThat(first.payerAccount()).isEqualTo("DE02120300000000202051");
        assertThat(first.endToEndId()).isEqualTo("E2E-ACME-0001");
        // the spaces a payer types into an RF reference are not part of it
        assertThat(first.remittance()).isEqualTo(
                new Remittance("Invoice INV-2026-000042 thank you", "RF54INV2026000042", List.of()));
        assertThat(first.originalReference()).isNull();
        assertThat(first.notes()).isEmpty();
    }

    @Test
    void eachTransactionOfABatchEntryIsAPaymentOfItsOwn() {
        List<StatementEntry> entries = reader.read(StatementFiles.bytes("camt053-v02-references.xml")).entries();

        List<StatementEntry> batch = entries.subList(1, 4);
        assertThat(batch).extracting(StatementEntry::kind).containsOnly(EntryKind.PAYMENT);
        assertThat(batch).extracting(e -> e.amount().toPlainString()).containsExactly("100.00", "200.00", "300.00");
        assertThat(batch).extracting(StatementEntry::payerName).containsExactly("Beta SARL", "Gamma Ltd", "Delta AG");
        // no AcctSvcrRef of their own: the entry's and the position in the batch
        assertThat(batch).extracting(StatementEntry::bankReference).containsExactly(
                "DE89370400440532013000/2026030200002/1", "DE89370400440532013000/2026030200002/2",
                "DE89370400440532013000/2026030200002/3");
        assertThat(batch).extracting(StatementEntry::valueDate).containsOnly(LocalDate.of(2026, 3, 3));
        assertThat(batch.get(0).remittance().documentNumbers()).containsExactly("INV-2026-000043", "INV-2026-000044");
        assertThat(batch.get(0).endToEndId()).as("NOTPROVIDED is no reference").isNull();
        assertThat(batch.get(1).remittance().text()).isEqualTo("RE 2026-000045");
        assertThat(batch.get(1).endToEndId()).isEqualTo("GAMMA-PAY-77");
        assertThat(batch.get(1).payerAccount()).isEqualTo("GB29NWBK60161331926819");
        // RF99... fails the ISO 11649 check: not a structured reference, but still text to match on
        assertThat(batch.get(2).remittance().creditorReference()).isNull();
        assertThat(batch.get(2).remittance().text()).isEqualTo("RF99INV2026000046");
        assertThat(batch.get(2).location()).startsWith("Stmt[1]/Ntry[2]/NtryDtls[1]/TxDtls[3] (line ");
    }

    @Test
    void pendingEntriesAndDebitsAreSkippedWithTheirReason() {
        List<StatementEntry> entries = reader.read(StatementFiles.bytes("camt053-v02-references.xml")).entries();

        StatementEntry pending = entries.get(4);
        assertThat(pending.kind()).isEqualTo(EntryKind.SKIPPED);
        assertThat(pending.location()).startsWith("Stmt[1]/Ntry[3] (line ");
        assertThat(pending.skipReason()).isEqualTo("status PDNG: only booked (BOOK) entries are payments");
        StatementEntry fee = entries.get(5);
        assertThat(fee.kind()).isEqualTo(EntryKind.SKIPPED);
        assertThat(fee.skipReason()).startsWith("a debit");
        assertThat(fee.amount()).isEqualByComparingTo("12.50");
    }

    @Test
    void aReturnedDirectDebitIsAReversalPointingAtTheOriginalEndToEndId() {
        StatementEntry returned = reader.read(StatementFiles.bytes("camt053-v02-references.xml")).entries().get(6);

        assertThat(returned.kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(returned.originalReference()).isEqualTo("DD-EPSILON-2026-02");
        assertThat(returned.returnReason()).isEqualTo("AM04");
        assertThat(returned.amount()).isEqualByComparingTo("250.00");
        assertThat(returned.bankReference()).isEqualTo("DE89370400440532013000/2026030200005");
    }

    @Test
    void theSameBookingReportedTwiceHasTheSameKey() {
        List<StatementEntry> entries = reader.read(StatementFiles.bytes("camt053-v02-references.xml")).entries();

        assertThat(entries).hasSize(8);
        assertThat(entries.get(7).bankReference()).isEqualTo(entries.get(0).bankReference());
        assertThat(entries.get(7).location()).startsWith("Stmt[1]/Ntry[6]/");
    }

    @Test
    void aCamt054NotificationAndTheEveningCamt053GiveTheSameKeyForOneBooking() {
        StatementEntry intraday = reader.read(StatementFiles.bytes("camt054-v02-credit.xml")).entries().get(0);
        StatementEntry evening = reader.read(StatementFiles.bytes("camt053-v02-references.xml")).entries().get(0);

        assertThat(intraday.bankReference()).isEqualTo(evening.bankReference());
        assertThat(intraday.location()).startsWith("Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]");
        assertThat(intraday.remittance().creditorReference()).isEqualTo("RF54INV2026000042");
    }

    @Test
    void camt053V08() {
        ParsedStatement statement = reader.read(StatementFiles.bytes("camt053-v08-batch.xml"));
        List<StatementEntry> entries = statement.entries();

        assertThat(statement.format()).isEqualTo(StatementFormat.CAMT_053_001_08);
        assertThat(entries).extracting(StatementEntry::kind).containsExactly(EntryKind.PAYMENT, EntryKind.PAYMENT,
                EntryKind.PAYMENT, EntryKind.REVERSAL, EntryKind.SKIPPED, EntryKind.SKIPPED, EntryKind.PAYMENT);
        StatementEntry late = entries.get(0);
        // booked at 23:30 in Frankfurt: the 5th at the bank, though the 5th is already over in UTC... it is the 5th
        assertThat(late.bookingDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(late.valueDate()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(late.bankReference()).as("the transaction's own AcctSvcrRef; Othr/Id account")
                .isEqualTo("0532013000/V08-TX-1");
        assertThat(late.payerName()).isEqualTo("Zeta Handels KG");
        assertThat(late.payerAccount()).isEqualTo("AT611904300234573201");
        assertThat(late.remittance().creditorReference()).isEqualTo("RF27INV2026000043");
        assertThat(late.endToEndId()).isEqualTo("ZETA-4711");
    }

    @Test
    void aBatchWhoseDetailsDoNotAddUpKeepsTheDetailsAndSaysSo() {
        List<StatementEntry> entries = reader.read(StatementFiles.bytes("camt053-v08-batch.xml")).entries();

        List<StatementEntry> batch = entries.subList(1, 3);
        assertThat(batch).extracting(e -> e.amount().toPlainString()).containsExactly("200.00", "250.00");
        assertThat(batch).extracting(StatementEntry::bankReference).containsExactly("0532013000/V08-TX-2A",
                "0532013000/V08-TX-2B");
        assertThat(batch.get(0).notes()).containsExactly(
                "the batch's transactions add up to 450.00, its entry Stmt[1]/Ntry[2] to 500.00 EUR");
        assertThat(batch.get(0).valueDate()).as("no ValDt: the booking date").isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(batch.get(1).remittance()).isEqualTo(
                new Remittance("partial payment", null, List.of("INV-2026-000051")));
    }

    @Test
    void camt053V08ReturnInformationAndSkippedEntries() {
        List<StatementEntry> entries = reader.read(StatementFiles.bytes("camt053-v08-batch.xml")).entries();

        StatementEntry returned = entries.get(3);
        assertThat(returned.originalReference()).isEqualTo("E2E-ACME-0001");
        assertThat(returned.returnReason()).isEqualTo("MD06");
        assertThat(entries.get(4).skipReason()).isEqualTo("status INFO: only booked (BOOK) entries are payments");
        assertThat(entries.get(5).skipReason()).startsWith("a credit that reverses one of our own debits");
        StatementEntry yen = entries.get(6);
        assertThat(yen.amount()).isEqualTo(new BigDecimal("12000"));
        assertThat(yen.currency()).isEqualTo("JPY");
        assertThat(yen.remittance().text()).isEqualTo("inv2026 000052");
    }

    @Test
    void camt054V08CreditAndItsReturn() {
        ParsedStatement statement = reader.read(StatementFiles.bytes("camt054-v08-return.xml"));

        assertThat(statement.format()).isEqualTo(StatementFormat.CAMT_054_001_08);
        StatementEntry credit = statement.entries().get(0);
        StatementEntry returned = statement.entries().get(1);
        assertThat(credit.kind()).isEqualTo(EntryKind.PAYMENT);
        assertThat(credit.endToEndId()).isEqualTo("DD-KAPPA-2026-03");
        assertThat(returned.kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(returned.originalReference()).isEqualTo(credit.endToEndId());
        assertThat(returned.returnReason()).isEqualTo("AC04");
        assertThat(returned.bankReference()).isNotEqualTo(credit.bankReference());
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr>
                <MsgId>&xxe;</MsgId></GrpHdr></BkToCstmrStmt></Document>
                """;

        assertThatThrownBy(() -> reader.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("DOCTYPE");
                        assertThat(error.message()).startsWith("is not allowed in a bank statement (line 2)");
                    });
                    assertThat(e.getMessage()).doesNotContain("root:");
                });
    }

    @Test
    void entityExpansionIsRefusedToo() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">&lol2;</Document>
                """;

        assertThatThrownBy(() -> reader.read(laughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("DOCTYPE"));
    }

    @Test
    void anEntityWithoutADoctypeIsNotWellFormed() {
        String xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n&xxe;</Document>";

        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("line 2");
                        assertThat(error.message()).startsWith("is not well-formed XML");
                    });
                });
    }

    @Test
    void anotherVersionOrMessageIsNamedWithWhatIsSupported() {
        String v04 = StatementFiles.text("camt053-v02-references.xml").replace("camt.053.001.02", "camt.053.001.04");
        String pain = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>";
        String html = "<html><body>not a statement</body></html>";

        assertThatThrownBy(() -> reader.read(v04.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("Document");
                            assertThat(error.message()).startsWith(
                                    "the root element is {urn:iso:std:iso:20022:tech:xsd:camt.053.001.04}Document;")
                                    .contains("camt.053.001.02", "camt.053.001.08", "camt.054.001.02",
                                            "camt.054.001.08");
                        }));
        assertThatThrownBy(() -> reader.read(pain.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("pain.001.001.03}Document");
        assertThatThrownBy(() -> reader.read(html.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("{}html");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasNamesTheEntryAndLine() {
        String file = StatementFiles.text("camt053-v02-references.xml")
                .replaceFirst("<Amt Ccy=\"EUR\">1190.00</Amt>", "<Amt Ccy=\"EUR\">1190.005</Amt>");

        assertThatThrownBy(() -> reader.read(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("Stmt[1]/Ntry[1]/Amt",
                                "1190.005 EUR has 3 decimals; EUR has 2 (line 34)")));
    }

    @Test
    void everyBadAmountIsNamedInOneAnswer() {
        String file = StatementFiles.text("camt053-v08-batch.xml")
                .replace("<Amt Ccy=\"JPY\">12000</Amt>", "<Amt Ccy=\"JPY\">12000.5</Amt>")
                .replace("<Amt Ccy=\"EUR\">250.00</Amt>", "<Amt Ccy=\"XEU\">250.00</Amt>")
                .replace("<Amt Ccy=\"EUR\">119.00</Amt>\n        <CdtDbtInd>CRDT", "<Amt Ccy=\"EUR\">-119.00</Amt>\n"
                        + "        <CdtDbtInd>CRDT");

        assertThatThrownBy(() -> reader.read(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("Stmt[1]/Ntry[1]/Amt",
                            "Stmt[1]/Ntry[2]/NtryDtls[1]/TxDtls[2]/Amt", "Stmt[1]/Ntry[6]/Amt");
                    assertThat(e.errors().get(0).message()).startsWith("must be positive");
                    assertThat(e.errors().get(1).message()).isEqualTo("currency XEU differs from its entry's EUR (line 72)");
                    assertThat(e.errors().get(2).message()).isEqualTo("12000.5 JPY has 1 decimal; JPY has 0 (line 116)");
                    assertThat(e.getMessage()).startsWith("3 errors in the statement; first: Stmt[1]/Ntry[1]/Amt:");
                });
    }

    @Test
    void anAmountThatIsNoNumberIsNamedByItsLine() {
        String file = StatementFiles.text("camt053-v02-references.xml").replace(">600.00<", ">600,00<");

        assertThatThrownBy(() -> reader.read(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> {
                    assertThat(e.errors()).isNotEmpty();
                    assertThat(e.errors().get(0).field()).isEqualTo("line 67");
                    assertThat(e.errors().get(0).message()).startsWith("<Amt Ccy=\"EUR\">600,00</Amt>: Character , is");
                });
    }

    @Test
    void aBatchTransactionWithoutItsAmountIsAnError() {
        String file = StatementFiles.text("camt053-v02-references.xml")
                .replace("<AmtDtls><TxAmt><Amt Ccy=\"EUR\">200.00</Amt></TxAmt></AmtDtls>", "");

        assertThatThrownBy(() -> reader.read(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("Stmt[1]/Ntry[2]/NtryDtls[1]/TxDtls[2]/Amt");
                            assertThat(error.message()).startsWith("a transaction of a batch entry needs its own amount");
                        }));
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeParsing() {
        BankStatementReader small = new BankStatementReader(new StatementLimits(1024, 10));
        byte[] file = StatementFiles.bytes("camt053-v02-references.xml");

        assertThatThrownBy(() -> small.read(file)).isInstanceOfSatisfying(StatementRejectedException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("body: is " + file.length
                    + " bytes; a statement file may have at most 1024");
        });
    }

    @Test
    void moreEntriesThanTheLimitAreRefused() {
        BankStatementReader fewEntries = new BankStatementReader(new StatementLimits(1 << 20, 7));

        assertThatThrownBy(() -> fewEntries.read(StatementFiles.bytes("camt053-v02-references.xml")))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
                    assertThat(e.getMessage()).contains("holds 8 entries");
                });
    }

    @Test
    void aStatementWithoutEntriesIsAnError() {
        String empty = StatementFiles.text("camt054-v02-credit.xml").replaceAll("(?s)<Ntry>.*</Ntry>", "");

        assertThatThrownBy(() -> reader.read(empty.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("holds no entry");
    }
}
