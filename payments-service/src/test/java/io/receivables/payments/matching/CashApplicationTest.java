package io.receivables.payments.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.receivables.contracts.CreditorReference;

class CashApplicationTest {

    static final LocalDate VALUE_DATE = LocalDate.of(2026, 12, 10);

    final CashApplication leaveUnapplied = new CashApplication(MatchingSettings.defaults());
    final CashApplication oldestFirst = new CashApplication(new MatchingSettings(
            MatchingSettings.UnmatchedPolicy.OLDEST_FIRST, new BigDecimal("0.60"), 5, 200_000));

    @Test
    void aCreditorReferenceNamesItsInvoiceWhateverTheText() {
        Candidate a = invoice("INV-2026-000101", "100.00", 1);
        Candidate b = invoice("INV-2026-000102", "250.00", 2);
        String rf = CreditorReference.of("INV-2026-000102");
        Application applied = leaveUnapplied.apply(payment("250.00", "thanks INV-2026-000101",
                spaced(rf)), List.of(a, b));
        assertThat(applied.review()).isFalse();
        assertThat(applied.matches()).singleElement().satisfies(m -> {
            assertThat(m.invoiceId()).isEqualTo(b.invoiceId());
            assertThat(m.rule()).isEqualTo(MatchingRule.CREDITOR_REFERENCE);
            assertThat(m.amount()).isEqualByComparingTo("250.00");
        });
    }

    @Test
    void invoiceNumbersAreFoundWhateverTheSpacingCaseOrPrefixInTheOrderWritten() {
        Candidate a = invoice("INV-2026-000101", "100.00", 1);
        Candidate b = invoice("INV-2026-000102", "50.00", 2);
        Candidate c = invoice("INV-2026-000103", "70.00", 3);
        Application applied = leaveUnapplied.apply(payment("130.00", "pmt inv 2026 000103 and 2026/000101", null),
                List.of(a, b, c));
        assertThat(applied.matches()).extracting(Match::invoiceId).containsExactly(c.invoiceId(), a.invoiceId());
        assertThat(applied.matches()).extracting(Match::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("70.00"), new BigDecimal("60.00"));
        assertThat(applied.matches().get(0).confidence()).isEqualByComparingTo("0.95");
        assertThat(applied.matches().get(1).confidence()).as("found without its prefix").isEqualByComparingTo("0.90");
        assertThat(applied.unapplied()).isEqualByComparingTo("0");
    }

    @Test
    void aNumberGluedToTheTextAfterItIsStillFoundButNotOneGluedToTheTextBefore() {
        // the bank joined the remittance and a SEPA field tag without a space (found by MatchQualityTest: 178 of 198
        // payments of two invoices paid only the first)
        Candidate a = invoice("INV-2026-000010", "100.00", 1);
        Candidate b = invoice("INV-2026-000093", "50.00", 2);
        Application both = leaveUnapplied.apply(payment("150.00", "Rg. INV-2026-000010, INV-2026-000093SVWZ+", null),
                List.of(a, b));
        assertThat(both.matches()).extracting(Match::invoiceId).containsExactly(a.invoiceId(), b.invoiceId());
        assertThat(both.unapplied()).isEqualByComparingTo("0");

        Application prefixed = leaveUnapplied.apply(payment("77.00", "PO2026000093 delivery", null), List.of(a, b));
        assertThat(prefixed.matches()).as("a purchase order number is not the invoice's number").isEmpty();
    }

    @Test
    void aLongCreditorReferenceInTheTextPrintedInGroupsOfFourIsFound() {
        Candidate a = invoice("INV-2026-000101", "100.00", 1);
        // 21 characters: a 25-character reference, seven groups when printed ("RFnn CUST OMER S202 ...")
        Candidate b = invoice("CUSTOMERS-2026-00000102", "250.00", 2);
        Application applied = leaveUnapplied.apply(payment("250.00", "paid " + spaced(b.creditorReference()), null),
                List.of(a, b));
        assertThat(applied.matches()).singleElement().satisfies(m -> {
            assertThat(m.invoiceId()).isEqualTo(b.invoiceId());
            assertThat(m.rule()).isEqualTo(MatchingRule.CREDITOR_REFERENCE);
        });
    }

    @Test
    void moreThanTheNamedInvoicesOweIsLeftUnapplied() {
        Candidate a = invoice("INV-2026-000101", "100.00", 1);
        Application applied = leaveUnapplied.apply(payment("130.00", "INV-2026-000101", null), List.of(a));
        assertThat(applied.matches()).singleElement().satisfies(m -> assertThat(m.amount()).isEqualByComparingTo("100"));
        assertThat(applied.unapplied()).isEqualByComparingTo("30.00");
    }

    @Test
    void aShortNumberFragmentNamesNoInvoice() {
        Candidate a = invoice("INV-2026-000101", "100.00", 1);
        Application applied = leaveUnapplied.apply(payment("99.00", "order 2026", null), List.of(a));
        assertThat(applied.matches()).isEmpty();
        assertThat(applied.unapplied()).isEqualByComparingTo("99.00");
        assertThat(applied.review()).isFalse();
    }

    @Test
    void theOneInvoiceOfTheAmountIsPaidAndTwoOfTheSameAmountGoToReview() {
        Candidate a = invoice("INV-2026-000101", "100.00", 1);
        Candidate b = invoice("INV-2026-000102", "80.00", 2);
        Application one = leaveUnapplied.apply(payment("80.00", null, null), List.of(a, b));
        assertThat(one.matches()).singleElement().satisfies(m -> {
            assertThat(m.invoiceId()).isEqualTo(b.invoiceId());
            assertThat(m.rule()).isEqualTo(MatchingRule.EXACT_AMOUNT);
        });

        Candidate c = invoice("INV-2026-000103", "80.00", 3);
        Application two = leaveUnapplied.apply(payment("80.00", null, null), List.of(a, b, c));
        assertThat(two.review()).isTrue();
        assertThat(two.matches()).isEmpty();
        assertThat(two.unapplied()).isEqualByComparingTo("80.00");
        assertThat(two.reviewReason()).contains("INV-2026-000102").contains("EXACT_AMOUNT");
    }

    @Test
    void theDiscountedAmountWithinTheWindowSettlesTheInvoiceAndRecordsTheDiscount() {
        Candidate discounted = new Candidate(UUID.randomUUID(), "INV-2026-000201", "INV2026000201", "2026000201",
                CreditorReference.of("INV-2026-000201"), VALUE_DATE.minusDays(5), VALUE_DATE.plusDays(25),
                new BigDecimal("1000.00"), VALUE_DATE, new BigDecimal("20.00"), true);
        Application inWindow = leaveUnapplied.apply(payment("980.00", null, null), List.of(discounted));
        assertThat(inWindow.matches()).singleElement().satisfies(m -> {
            assertThat(m.rule()).isEqualTo(MatchingRule.DISCOUNTED_AMOUNT);
            assertThat(m.amount()).isEqualByComparingTo("980.00");
            assertThat(m.discount()).isEqualByComparingTo("20.00");
        });

        Incoming late = new Incoming(new BigDecimal("980.00"), VALUE_DATE.plusDays(1), null, null, List.of());
        assertThat(leaveUnapplied.apply(late, List.of(discounted)).matches()).as("after the window").isEmpty();

        // named by number and paid less the discount within the window: settled with the discount too
        Application named = leaveUnapplied.apply(payment("980.00", "INV-2026-000201", null), List.of(discounted));
        assertThat(named.matches()).singleElement().satisfies(m -> {
            assertThat(m.rule()).isEqualTo(MatchingRule.INVOICE_NUMBER);
            assertThat(m.discount()).isEqualByComparingTo("20.00");
        });
    }

    @Test
    void theSmallestSetSummingExactlyIsPaidThenTheOldest() {
        Candidate a = invoice("INV-2026-000301", "10.00", 1);
        Candidate b = invoice("INV-2026-000302", "20.00", 2);
        Candidate c = invoice("INV-2026-000303", "30.00", 3);
        Candidate d = invoice("INV-2026-000304", "45.00", 4);
        // 75 = 30 + 45 (two) = 10 + 20 + 45 (three): the pair wins
        Application applied = leaveUnapplied.apply(payment("75.00", null, null), List.of(d, c, b, a));
        assertThat(applied.matches()).extracting(Match::invoiceId).containsExactlyInAnyOrder(c.invoiceId(),
                d.invoiceId());
        assertThat(applied.matches()).allSatisfy(m -> assertThat(m.rule()).isEqualTo(MatchingRule.COMBINATION));
        assertThat(applied.review()).isFalse();

        // 40 = 10 + 30 only, but 50 = 20 + 30 = 10 + ... : ambiguous sets go to review with the oldest proposed
        Candidate e = invoice("INV-2026-000305", "40.00", 5);
        Application ambiguous = leaveUnapplied.apply(payment("50.00", null, null), List.of(a, b, c, e));
        assertThat(ambiguous.review()).isTrue();
        assertThat(ambiguous.reviewReason()).contains("INV-2026-000301").contains("INV-2026-000305");
    }

    @Test
    void fiveInvoicesAtMostAndTheSearchIsBoundedAmongThousands() {
        List<Candidate> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(invoice("INV-2026-%06d".formatted(1000 + i), "%d.%02d".formatted(1000 + i * 7, i % 100), i));
        }
        long started = System.nanoTime();
        Application applied = leaveUnapplied.apply(payment("1.23", null, null), many);
        assertThat(applied.matches()).isEmpty();
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(2_000);
    }

    @Test
    void withoutAMatchThePolicyDecides() {
        Candidate older = invoice("INV-2026-000401", "60.00", 1);
        Candidate newer = invoice("INV-2026-000402", "60.00", 9);
        assertThat(leaveUnapplied.apply(payment("100.00", null, null), List.of(newer, older)).matches()).isEmpty();
        Application applied = oldestFirst.apply(payment("100.00", null, null), List.of(newer, older));
        assertThat(applied.matches()).extracting(Match::invoiceId).containsExactly(older.invoiceId(),
                newer.invoiceId());
        assertThat(applied.matches()).extracting(Match::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("60.00"), new BigDecimal("40.00"));
        assertThat(applied.matches()).allSatisfy(m -> assertThat(m.rule()).isEqualTo(MatchingRule.OLDEST_FIRST));
    }

    @Test
    void explicitAllocationsWinAndTheRestIsUnapplied() {
        Candidate a = invoice("INV-2026-000501", "60.00", 1);
        Candidate b = invoice("INV-2026-000502", "40.00", 2);
        Incoming incoming = new Incoming(new BigDecimal("100.00"), VALUE_DATE, "INV-2026-000502", null,
                List.of(new Incoming.Requested(a.invoiceId(), new BigDecimal("50.00"))));
        Application applied = leaveUnapplied.apply(incoming, List.of(a, b));
        assertThat(applied.matches()).singleElement().satisfies(m -> {
            assertThat(m.invoiceId()).isEqualTo(a.invoiceId());
            assertThat(m.rule()).isEqualTo(MatchingRule.EXPLICIT);
            assertThat(m.confidence()).isEqualByComparingTo("1.00");
        });
        assertThat(applied.unapplied()).isEqualByComparingTo("50.00");
    }

    static Incoming payment(String amount, String text, String structured) {
        return new Incoming(new BigDecimal(amount), VALUE_DATE, text, structured, List.of());
    }

    static Candidate invoice(String number, String open, int ageRank) {
        String key = CreditorReference.alphanumeric(number);
        LocalDate issued = LocalDate.of(2026, 1, 1).plusDays(ageRank);
        return new Candidate(UUID.randomUUID(), number, key, RemittanceReferences.core(key),
                CreditorReference.of(number), issued, issued.plusDays(30), new BigDecimal(open), null, null, true);
    }

    static String spaced(String reference) {
        return reference.replaceAll("(.{4})", "$1 ").toLowerCase();
    }
}
