package io.receivables.payments.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.receivables.payments.statement.BankLineGenerator.Invoice;
import io.receivables.payments.statement.BankLineGenerator.Line;
import io.receivables.payments.statement.BankLineGenerator.Style;

/** The benchmark's inputs are what they claim: valid camt, readable CSV, consistent ground truth. */
class StatementGeneratorsTest {

    private final BankStatementReader reader = new BankStatementReader();

    @Test
    void twoThousandMessyLinesWithTheirGroundTruth() {
        BankLineGenerator.DataSet data = BankLineGenerator.generate(2026, 2_000);
        Map<String, Invoice> invoices = data.invoices().stream()
                .collect(Collectors.toMap(Invoice::number, Function.identity()));

        assertThat(data.lines()).hasSize(2_000);
        assertThat(BankLineGenerator.generate(2026, 2_000)).as("deterministic for a seed").isEqualTo(data);
        for (Style style : Style.values()) {
            assertThat(data.count(style)).as(style.name()).isGreaterThan(40);
        }
        Set<String> paid = new HashSet<>();
        for (Line line : data.lines()) {
            assertThat(line.pays()).allMatch(invoices::containsKey);
            assertThat(line.pays()).as("no invoice is paid by two lines").allMatch(paid::add);
            BigDecimal due = line.pays().stream().map(n -> invoices.get(n).amount()).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            switch (line.style()) {
                case PARTIAL -> assertThat(line.amount()).isLessThan(due);
                case TYPO, UNIDENTIFIABLE -> assertThat(line.pays()).isEmpty();
                case AMOUNT_ONLY -> assertThat(line.remittance()).doesNotContain("INV", "2026");
                default -> assertThat(line.amount()).isEqualByComparingTo(due);
            }
            if (line.style() == Style.RF_REFERENCE) {
                assertThat(CreditorReferences.isValidRf(line.creditorReference())).isTrue();
            }
            if (line.style() == Style.TYPO) {
                assertThat(invoices.keySet()).noneMatch(line.remittance()::contains);
            }
        }
        // the wrong matches a matcher could make: the TYPO lines name a number next to a real one
        assertThat(data.lines().stream().filter(l -> l.style() == Style.TYPO).map(Line::remittance))
                .allMatch(text -> text.matches("(?s).*20\\d\\d.*"));
    }

    @Test
    void theScoreCountsMatchesAndWrongMatches() {
        BankLineGenerator.DataSet data = BankLineGenerator.generate(3, 200);
        Map<String, List<String>> oracle = data.lines().stream()
                .collect(Collectors.toMap(Line::bankReference, Line::pays));
        Map<String, List<String>> firstInvoiceForAll = data.lines().stream()
                .collect(Collectors.toMap(Line::bankReference, l -> List.of(data.invoices().get(0).number())));

        BankLineGenerator.Score perfect = data.score(oracle);
        BankLineGenerator.Score nothing = data.score(Map.of());
        BankLineGenerator.Score reckless = data.score(firstInvoiceForAll);

        assertThat(perfect.matched()).isEqualTo(perfect.matchable());
        assertThat(perfect.wrong()).isZero();
        assertThat(perfect.matchRate()).isEqualTo(1.0);
        assertThat(nothing.unmatched()).isEqualTo(nothing.matchable());
        assertThat(nothing.wrong()).isZero();
        assertThat(reckless.wrong()).isGreaterThan(190);
    }

    @Test
    void theLinesReadAsCsvAndAsCamtAlike() {
        List<Line> lines = BankLineGenerator.generate(7, 2_000).lines();
        byte[] csv = BankLineGenerator.csv(lines).getBytes(StandardCharsets.UTF_8);
        byte[] camt02 = CamtStatementGenerator.camt053(lines, StatementFormat.CAMT_053_001_02);

        CamtSchemas.validate(camt02);
        List<StatementEntry> fromCsv = reader.read(csv).entries();
        List<StatementEntry> fromCamt = reader.read(camt02).entries();

        assertThat(fromCsv).hasSize(2_000).allMatch(e -> e.kind() == EntryKind.PAYMENT);
        assertThat(fromCamt).hasSize(2_000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(fromCamt.get(i).amount()).isEqualTo(fromCsv.get(i).amount()).isEqualTo(lines.get(i).amount());
            assertThat(fromCamt.get(i).remittance()).isEqualTo(fromCsv.get(i).remittance());
            assertThat(fromCamt.get(i).payerAccount()).isEqualTo(lines.get(i).payerIban());
        }
    }

    @Test
    void aTenThousandEntryCamt053() {
        byte[] file = CamtStatementGenerator.tenThousandEntries();

        assertThat(CamtSchemas.validate(file)).isEqualTo(StatementFormat.CAMT_053_001_08);
        long start = System.nanoTime();
        reader.read(file);
        long coldMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        ParsedStatement statement = reader.read(file);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(statement.entries()).hasSize(10_000).allMatch(e -> e.kind() == EntryKind.PAYMENT);
        assertThat(statement.entries().stream().map(StatementEntry::bankReference).distinct()).hasSize(10_000);
        assertThat(file.length).as("fits the default limit").isLessThan(StatementLimits.DEFAULT.maxBytes());
        System.out.printf("10,000-entry camt.053.001.08: %,d bytes, read in %d ms cold (JAXB context built), %d ms"
                + " warm (%,.0f entries/s)%n", file.length, coldMillis, millis, 10_000 * 1000.0 / Math.max(1, millis));
    }
}
