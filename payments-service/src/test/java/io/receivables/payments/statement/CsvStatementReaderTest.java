package io.receivables.payments.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemType;
import io.receivables.payments.statement.csv.CsvStatementReader;

class CsvStatementReaderTest {

    private static final String HEADER = String.join(",", CsvStatementReader.COLUMNS);

    private final BankStatementReader reader = new BankStatementReader();

    @Test
    void theDocumentedLayout() {
        ParsedStatement statement = reader.read(StatementFiles.bytes("bank-lines.csv"));
        List<StatementEntry> entries = statement.entries();

        assertThat(statement.format()).isEqualTo(StatementFormat.CSV);
        assertThat(entries).extracting(StatementEntry::kind).containsExactly(EntryKind.PAYMENT, EntryKind.PAYMENT,
                EntryKind.SKIPPED, EntryKind.REVERSAL, EntryKind.PAYMENT);
        StatementEntry first = entries.get(0);
        assertThat(first.location()).isEqualTo("line 2");
        assertThat(first.bankReference()).isEqualTo("CSV-0001");
        assertThat(first.amount()).isEqualByComparingTo("1190.00").hasScaleOf(2);
        assertThat(first.payerAccount()).isEqualTo("DE02120300000000202051");
        assertThat(first.remittance()).isEqualTo(
                new Remittance("Invoice INV-2026-000042, thank you", "RF54INV2026000042", List.of()));
        assertThat(first.endToEndId()).isEqualTo("E2E-ACME-0001");
        StatementEntry quoted = entries.get(1);
        assertThat(quoted.payerName()).isEqualTo("Beta \"The Best\" SARL");
        assertThat(quoted.remittance().text()).isEqualTo("INV-2026-000043\nINV-2026-000044");
        assertThat(quoted.amount()).as("250 EUR is 250.00").hasToString("250.00");
        assertThat(quoted.valueDate()).as("no value date: the booking date").isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(entries.get(2).location()).as("the quoted line break above counts").isEqualTo("line 5");
        assertThat(entries.get(2).skipReason()).startsWith("a debit without originalReference");
        StatementEntry returned = entries.get(3);
        assertThat(returned.amount()).hasToString("1190.00");
        assertThat(returned.originalReference()).isEqualTo("E2E-ACME-0001");
        assertThat(returned.returnReason()).isEqualTo("MD06");
        StatementEntry yen = entries.get(4);
        assertThat(yen.amount()).hasToString("1200");
        assertThat(yen.remittance()).isEqualTo(new Remittance("inv2026 000052 rf99inv2026000046", null, List.of()));
    }

    @Test
    void columnsInAnyOrderAndOptionalOnesLeftOut() {
        String csv = "currency,amount,bookingDate,bankReference\r\nEUR,10.5,2026-03-02,R-1\r\n";

        StatementEntry entry = reader.read(csv.getBytes(StandardCharsets.UTF_8)).entries().get(0);

        assertThat(entry.amount()).hasToString("10.50");
        assertThat(entry.remittance()).isEqualTo(Remittance.NONE);
    }

    @Test
    void everyBadValueIsNamedByColumnAndLine() {
        String csv = HEADER + "\n"
                + "R-1,2026-03-02,,10.001,EUR,,,,,,,\n"
                + "R-2,02.03.2026,,\"1,000.00\",EUR,,,,,,,\n"
                + "R-3,2026-03-02,,1e3,EUR,,,,,,,\n"
                + ",2026-03-02,,5.00,KWD,,,,,,,\n"
                + "R-5,2026-03-02,,5.00,EURO,,,,,,,\n"
                + "R-6,2026-03-02,,5.00,EUR,,,,,,X,\n"
                + "R-7,2026-03-02,,0.00,EUR,,,,,,,\n"
                + "R-8,2026-03-02,,5.00,EUR\n";

        assertThatThrownBy(() -> reader.read(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("amount", "10.001 EUR has 3 decimals; EUR has 2 (line 2)"),
                        new FieldError("bookingDate", "'02.03.2026' is not an ISO date such as 2026-03-02 (line 3)"),
                        new FieldError("amount", "'1,000.00' is not a decimal such as 120.00 or -35.10 (a point, no"
                                + " thousands separator, no exponent) (line 3)"),
                        new FieldError("amount", "'1e3' is not a decimal such as 120.00 or -35.10 (a point, no"
                                + " thousands separator, no exponent) (line 4)"),
                        new FieldError("bankReference", "must not be empty (line 5)"),
                        new FieldError("amount", "currency 'EURO' is not an active ISO 4217 currency (line 6)"),
                        new FieldError("originalReference", "only a debit (negative amount) returns a payment (line 7)"),
                        new FieldError("amount", "must be positive (the direction is the credit/debit indicator), not"
                                + " 0.00 (line 8)"),
                        new FieldError("line 9", "has 5 fields; the header has 12")));
    }

    @Test
    void aStrayQuoteRejectsItsLineAndTheErrorsStopAtOneHundred() {
        StringBuilder csv = new StringBuilder("bankReference,bookingDate,amount,currency\n");
        csv.append("R-0,2026-03-02,5.00,EUR \"quoted\"\n");
        for (int i = 1; i <= 150; i++) {
            csv.append("R-").append(i).append(",2026-03-02,5.001,EUR\n");
        }

        assertThatThrownBy(() -> reader.read(csv.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> {
                    assertThat(e.errors()).hasSize(StatementRejectedException.MAX_ERRORS);
                    assertThat(e.errors().get(0)).isEqualTo(new FieldError("line 2", "field 4 has a quote but does"
                            + " not start with one (line 2); quote the whole field and double the quote inside it (\"\")"));
                    assertThat(e.getMessage()).startsWith("100 or more errors in the statement; first: line 2:");
                });
    }

    @Test
    void theHeaderIsRequiredAndChecked() {
        assertThatThrownBy(() -> reader.read("R-1,2026-03-02,10.00,EUR\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("header");
                            assertThat(error.message()).startsWith("column 1 'R-1' is not one of bankReference,");
                        }));
        assertThatThrownBy(() -> reader.read("bankReference,amount,currency\nR,1.00,EUR\n"
                .getBytes(StandardCharsets.UTF_8))).hasMessage(
                        "header: column 'bookingDate' is missing; required: bankReference,bookingDate,amount,currency"
                                + " (line 1)");
        assertThatThrownBy(() -> reader.read((HEADER + "\n").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("body: has a header but no line");
    }

    @Test
    void notUtf8OrAnUnclosedQuoteIsRefused() {
        byte[] latin1 = (HEADER + "\nR-1,2026-03-02,,5.00,EUR,M\u00fcller,,,,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> reader.read(latin1)).hasMessage("body: is not UTF-8 text");
        assertThatThrownBy(() -> reader.read((HEADER + "\nR-1,\"2026").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("body: is not valid CSV: the quote opened on line 2 is never closed");
    }

    @Test
    void moreLinesThanTheLimitAre413() {
        BankStatementReader two = new BankStatementReader(new StatementLimits(1 << 20, 2));
        String csv = "bankReference,bookingDate,amount,currency\nA,2026-03-02,1,EUR\nB,2026-03-02,1,EUR\nC,2026-03-02,1,EUR\n";

        assertThatThrownBy(() -> two.read(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatementRejectedException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE));
    }

    @Test
    void theFormatIsToldByContentNotByName() {
        byte[] bom = new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] camt = StatementFiles.bytes("camt054-v02-credit.xml");
        byte[] withBom = new byte[bom.length + 2 + camt.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        withBom[3] = '\n';
        withBom[4] = ' ';
        System.arraycopy(camt, 0, withBom, 5, camt.length);

        assertThat(BankStatementReader.isXml(withBom)).isTrue();
        assertThat(BankStatementReader.isXml(StatementFiles.bytes("bank-lines.csv"))).isFalse();
        assertThatThrownBy(() -> reader.read(new byte[0])).hasMessageStartingWith("body: is empty");
        assertThatThrownBy(() -> reader.read("%PDF-1.7 ...".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("header: column 1 '%PDF-1.7 ...' is not one of");
    }
}
